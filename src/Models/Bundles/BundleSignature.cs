namespace MlOps.Models.Bundles;

/// <summary>signature.json: who signed manifest.json, and the signature.</summary>
/// <param name="Algorithm">Always <see cref="BundleFormat.Algorithm"/> in format 1.</param>
/// <param name="KeyId">The signing key's <see cref="PublicKey.KeyId"/>.</param>
/// <param name="Signature">Base64 of the DER-encoded ECDSA signature over the exact bytes of manifest.json.</param>
internal sealed record BundleSignature(string Algorithm, string KeyId, string Signature);
