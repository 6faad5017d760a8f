namespace MlOps.Tasks.Containers;

/// <summary>What BuildImage did.</summary>
/// <param name="Record">The image, as recorded in image.json.</param>
/// <param name="Reused">True when the fingerprint matched and the recorded image was reused, nothing built.</param>
/// <param name="BaseImported">True when the offline base image was imported by this run.</param>
/// <param name="Server">The server's folder hash, and how many of its files had to be read for it.</param>
public sealed record ImageBuildOutcome(ImageRecord Record, bool Reused, bool BaseImported, Data.FolderDigest Server);
