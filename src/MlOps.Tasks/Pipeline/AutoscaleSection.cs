namespace MlOps.Tasks.Pipeline;

/// <summary><c>kubernetes.autoscale</c>: a HorizontalPodAutoscaler on CPU.</summary>
public sealed record AutoscaleSection : PipelineSection
{
    /// <summary>The fewest pods.</summary>
    public required int MinReplicas { get; init; }

    /// <summary>The most pods.</summary>
    public required int MaxReplicas { get; init; }

    /// <summary>The average CPU use, in percent of the request, the autoscaler aims at (80 when absent).</summary>
    public int? CpuPercent { get; init; }
}
