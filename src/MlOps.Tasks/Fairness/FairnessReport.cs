namespace MlOps.Tasks.Fairness;

/// <summary>What the bias check found: metric frames, disparate impact and the limits that were broken.</summary>
/// <param name="Rows">Rows analysed.</param>
/// <param name="MinGroupSize">The group size below which a group is flagged small.</param>
/// <param name="Attributes">One metric frame per protected attribute, in the order given.</param>
/// <param name="Intersection">The frame of every combination of the attributes' groups; null with fewer than two attributes.</param>
/// <param name="DisparateImpact">AIF360's comparisons, one per attribute that declares a privileged group.</param>
/// <param name="Violations">The limits broken, frames first (attributes, then the intersection), disparate impact last.</param>
public sealed record FairnessReport(
    long Rows, int MinGroupSize, IReadOnlyList<MetricFrame> Attributes, MetricFrame? Intersection,
    IReadOnlyList<DisparateImpactResult> DisparateImpact, IReadOnlyList<FairnessViolation> Violations)
{
    /// <summary>True when no limit was broken.</summary>
    public bool Passed => Violations.Count == 0;
}
