namespace MlOps.Tasks.Pipeline;

/// <summary>
/// How a column (or every numeric or categorical column) is tested for drift, like Evidently's
/// <c>stattest</c> and <c>stattest_threshold</c>: e.g. <c>{ method: psi, threshold: 0.2 }</c>.
/// </summary>
public sealed record DriftMethodSection : PipelineSection
{
    /// <summary>The test; required.</summary>
    public required DriftMethod Method { get; init; }

    /// <summary>The p-value (ks, chisquare, z) or distance (the others) that separates drift from no drift; the method's default when absent.</summary>
    public double? Threshold { get; init; }
}
