namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>image</c> section: how BuildImage makes the model image.</summary>
public sealed record ImageSection : PipelineSection
{
    /// <summary>
    /// The base image, already in the Docker daemon (e.g. mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled);
    /// when absent, the built-in offline base made from pinned Debian packages.
    /// </summary>
    public string? Base { get; init; }

    /// <summary>A registry BuildImage pushes the smoke-tested image to, e.g. <c>127.0.0.1:5000</c>; none when absent.</summary>
    public string? Registry { get; init; }
}
