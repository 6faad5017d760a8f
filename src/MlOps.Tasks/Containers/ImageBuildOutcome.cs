namespace MlOps.Tasks.Containers;

/// <summary>What BuildImage did.</summary>
/// <param name="Record">The image, as recorded in image.json.</param>
/// <param name="Reused">True when an image of the same fingerprint (in image.json, or in the daemon by its labels) was reused, nothing built.</param>
/// <param name="BaseImported">True when the offline base image was imported by this run.</param>
/// <param name="Server">The server's folder hash, and how many of its files had to be read for it.</param>
public sealed record ImageBuildOutcome(ImageRecord Record, bool Reused, bool BaseImported, Data.FolderDigest Server)
{
    /// <summary>
    /// Why the smoke test of the image just built scored no held-out rows (e.g. <c>artifacts/credit-scoring holds the predictions of v2, not of
    /// v1</c>), so checked /health and /version only; null when it scored them, or nothing was built.
    /// </summary>
    public string? RowsMissing { get; init; }
}
