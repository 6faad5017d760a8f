namespace MlOps.Models.Bundles;

/// <summary>One signed entry of a bundle, as listed in manifest.json.</summary>
/// <param name="Name">The entry's name inside the bundle's zip.</param>
/// <param name="Size">Its length in bytes, uncompressed.</param>
/// <param name="Sha256">The lowercase hex sha256 of its bytes.</param>
internal sealed record BundleEntry(string Name, long Size, string Sha256);
