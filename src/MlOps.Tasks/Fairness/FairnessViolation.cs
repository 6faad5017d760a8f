namespace MlOps.Tasks.Fairness;

/// <summary>A fairness limit that a metric broke.</summary>
/// <param name="Scope">The protected attribute, or the attributes joined by <c>&amp;</c> for their intersection.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Value">Its value.</param>
/// <param name="Limit">The limit it broke.</param>
/// <param name="Groups">
/// The groups involved: the lowest and the highest rate for a difference or ratio; the unprivileged group
/// (or <c>(all others)</c>) and the privileged group for disparate impact.
/// </param>
public sealed record FairnessViolation(string Scope, FairnessMetric Metric, double Value, double Limit, IReadOnlyList<string> Groups)
{
    /// <summary>Whether <see cref="Limit"/> is a maximum (differences) or a minimum (ratios, disparate impact).</summary>
    public LimitKind Kind => Metric is FairnessMetric.DemographicParityDifference or FairnessMetric.EqualOpportunityDifference
        or FairnessMetric.EqualizedOddsDifference ? LimitKind.Maximum : LimitKind.Minimum;
}
