namespace MlOps.Models.Bundles;

/// <summary>
/// A model bundle cannot be trusted or read: it is not a bundle, is damaged, was changed after
/// signing, or was signed by another key. The message starts with the bundle's path.
/// </summary>
public sealed class BundleVerificationException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The bundle file, as it was given to <see cref="ModelBundle.Open"/>.</summary>
    public string BundlePath { get; } = path;
}
