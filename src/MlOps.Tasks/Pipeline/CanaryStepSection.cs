namespace MlOps.Tasks.Pipeline;

/// <summary>
/// One entry of <c>kubernetes.steps</c>, as Argo Rollouts writes it: exactly one of <c>set_weight</c> (the canary's share of
/// traffic, in percent), <c>pause</c> (seconds to wait) or <c>analysis</c> (check the canary's metrics; a failure rolls back).
/// </summary>
public sealed record CanaryStepSection : PipelineSection
{
    /// <summary>The canary's share of traffic, 0 to 100 percent.</summary>
    public int? SetWeight { get; init; }

    /// <summary>Seconds to wait before the next step.</summary>
    public int? Pause { get; init; }

    /// <summary>What the canary's metrics must show.</summary>
    public AnalysisSection? Analysis { get; init; }
}
