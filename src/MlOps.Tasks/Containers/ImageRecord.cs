using System.Text.Json;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Containers;

/// <summary>
/// artifacts/&lt;model&gt;/image.json: the image BuildImage made or reused last, for the version it was asked for, what it was made from
/// (the fingerprint of bundle, serving publish and base) and what its smoke test saw.
/// </summary>
public sealed record ImageRecord
{
    /// <summary>The model's name.</summary>
    public required string Model { get; init; }

    /// <summary>The registered version in the image.</summary>
    public required int Version { get; init; }

    /// <summary>The image id (<c>sha256:…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The tags: <c>mlops/{model}:v{version}-{bundle sha256's first 12 hex}</c>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The image by registry digest (<c>registry/repository@sha256:…</c>) when it was pushed; null when not.</summary>
    public string? Digest { get; init; }

    /// <summary>The image's size in bytes, base included.</summary>
    public required long Size { get; init; }

    /// <summary>The SHA-256 of the signed bundle inside.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>The SHA-256 over the self-contained serving publish (see <see cref="ServingPublish.Sha256"/>).</summary>
    public required string ServingSha256 { get; init; }

    /// <summary>The base image by name and its id.</summary>
    public required string Base { get; init; }

    /// <summary>The base image's id.</summary>
    public required string BaseId { get; init; }

    /// <summary>Hash of the bundle, serving publish and base: the same means the image is reused, whatever environment asks.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>When the image was built.</summary>
    public required DateTimeOffset Built { get; init; }

    /// <summary>How long building the image (not the base) took, in seconds; 0 for an image found in the daemon by its labels.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>
    /// How many held-out rows the smoke test scored: 0 when the artifacts held no predictions of the version (its /health and /version were
    /// checked only), or for an image found in the daemon by its labels (smoke-tested when it was built).
    /// </summary>
    public required int SmokeRows { get; init; }

    /// <summary>The largest difference between the image's scores and Validate's.</summary>
    public required double SmokeMaxDifference { get; init; }

    /// <summary>The record in <paramref name="path"/>, or null when there is none or it is unreadable.</summary>
    public static ImageRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImageRecord>(File.ReadAllBytes(path), ArtifactJson.Options) : null;
        }
        catch (JsonException)
        {
            // An unreadable record only costs a rebuild.
            return null;
        }
    }
}
