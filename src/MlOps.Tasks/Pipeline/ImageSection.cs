namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>image</c> section: how BuildImage makes the model image.</summary>
public sealed record ImageSection : PipelineSection
{
    /// <summary>
    /// The base image, already in the Docker daemon (e.g. mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled);
    /// when absent, the built-in offline base made from pinned Debian packages.
    /// </summary>
    public string? Base { get; init; }
}
