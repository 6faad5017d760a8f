using MlOps.Tasks.Containers;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>What a <c>kubernetes</c> environment runs: a registered version and the image that serves it.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The registered version, or null when the dry run of a fresh repository has none yet.</param>
/// <param name="BundleSha256">The SHA-256 of the signed bundle in the image.</param>
/// <param name="Image">The image as the cluster pulls it: by registry digest when pushed, else by tag.</param>
/// <param name="ImageDigest">The registry digest (<c>sha256:…</c>) when pushed, else the image id.</param>
public sealed record ClusterRelease(string Model, int? Version, string BundleSha256, string Image, string ImageDigest)
{
    /// <summary>
    /// The release of <paramref name="version"/> in <paramref name="image"/>, as the cluster pulls it: from <paramref name="repository"/>
    /// (<c>kubernetes.image_repository</c>) by the image's tag when given, else by registry digest when BuildImage pushed it, else by tag.
    /// </summary>
    public static ClusterRelease Of(ModelVersion version, ImageRecord image, string? repository)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(image);
        var tag = image.Tags[0][(image.Tags[0].LastIndexOf(':') + 1)..];
        var pull = repository is not null ? $"{repository}:{tag}" : image.Digest ?? image.Tags[0];
        var digest = image.Digest is { } pushed ? pushed[(pushed.IndexOf('@', StringComparison.Ordinal) + 1)..] : image.Id;
        return new ClusterRelease(version.Model, version.Version, version.BundleSha256, pull, digest);
    }

    /// <summary>The version as labels carry it: <c>3</c>, or <c>pending</c> before one is registered.</summary>
    public string VersionLabel => Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pending";
}
