namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Where <c>data.path</c> comes from when it is absent, tried in order: the repository's
/// <c>.dvc/cache</c>, a DVC cache folder, the DVC remote (both with the <c>files/md5/…</c>
/// layout), the built-in sample generator.
/// </summary>
public sealed record SourceSection : PipelineSection
{
    /// <summary>A DVC cache folder (e.g. a shared <c>/mnt/dvc-cache</c>); the repository's own <c>.dvc/cache</c> is always tried first.</summary>
    public string? Cache { get; init; }

    /// <summary>
    /// The DVC 3 remote: a remote's name in <c>.dvc/config</c> (a folder or <c>s3://</c>), else a folder relative to the repository;
    /// when unset, <c>core.remote</c> of <c>.dvc/config</c>. Its objects are fetched into <c>.dvc/cache</c>, each checked by md5.
    /// </summary>
    public string? Remote { get; init; }

    /// <summary>The synthetic credit applications of the sample pipeline.</summary>
    public GeneratorSection? Generator { get; init; }
}
