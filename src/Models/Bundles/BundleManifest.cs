namespace MlOps.Models.Bundles;

/// <summary>manifest.json: the bundle's entries with their hashes; the bytes the signature covers.</summary>
/// <param name="FormatVersion">The bundle format; readers refuse versions they do not know.</param>
/// <param name="Entries">Every entry but manifest.json and signature.json, sorted by name.</param>
internal sealed record BundleManifest(int FormatVersion, IReadOnlyList<BundleEntry> Entries);
