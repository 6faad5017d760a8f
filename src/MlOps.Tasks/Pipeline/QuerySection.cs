namespace MlOps.Tasks.Pipeline;

/// <summary>One of an analysis' <c>queries</c>: PromQL whose single value must stay within <c>min</c> and <c>max</c>.</summary>
public sealed record QuerySection : PipelineSection
{
    /// <summary>The PromQL query.</summary>
    public required string Query { get; init; }

    /// <summary>The lowest value that passes.</summary>
    public double? Min { get; init; }

    /// <summary>The highest value that passes.</summary>
    public double? Max { get; init; }
}
