namespace MlOps.Tasks.Pipeline;

/// <summary>One entry of <c>environments</c>: a place the model can be deployed to.</summary>
public sealed record EnvironmentSection : PipelineSection
{
    /// <summary>What kind of place it is.</summary>
    public required EnvironmentKind Kind { get; init; }
}
