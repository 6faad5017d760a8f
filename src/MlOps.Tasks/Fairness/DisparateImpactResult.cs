namespace MlOps.Tasks.Fairness;

/// <summary>
/// AIF360-style comparison of a protected attribute's privileged group with each other group and with all
/// others pooled. Selection (a positive prediction) is read as the favourable outcome.
/// </summary>
/// <param name="Attribute">The protected attribute.</param>
/// <param name="Privileged">The privileged group.</param>
/// <param name="PrivilegedCount">Rows in the privileged group.</param>
/// <param name="PrivilegedSelectionRate">The privileged group's selection rate.</param>
/// <param name="PrivilegedSmall">The privileged group is smaller than the minimum size, so no comparison decides the gate.</param>
/// <param name="Groups">Each other group (unassigned rows excluded) against the privileged one, in frame order.</param>
/// <param name="Pooled">All other groups' rows together against the privileged ones; null when there is no other group.</param>
public sealed record DisparateImpactResult(
    string Attribute, string Privileged, long PrivilegedCount, double PrivilegedSelectionRate, bool PrivilegedSmall,
    IReadOnlyList<UnprivilegedComparison> Groups, UnprivilegedComparison? Pooled)
{
    internal static DisparateImpactResult Of(string attribute, string privileged, MetricFrame frame, int minGroupSize)
    {
        var assigned = frame.Groups.Where(g => !g.Unassigned).ToList();
        var chosen = assigned.FirstOrDefault(g => string.Equals(g.Group, privileged, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"Privileged group '{privileged}' of protected attribute '{attribute}' does not occur in the data; "
                + $"its groups are: {(assigned.Count == 0 ? "none" : string.Join(", ", assigned.Select(g => g.Group)))}.");
        var others = assigned.Where(g => !ReferenceEquals(g, chosen)).ToList();
        var groups = others
            .Select(g => UnprivilegedComparison.Of(g.Group, g.Count, g.PredictedPositives, chosen.SelectionRate, minGroupSize))
            .ToList();
        var pooled = others.Count == 0
            ? null
            : UnprivilegedComparison.Of(
                UnprivilegedComparison.AllOthers, others.Sum(g => g.Count), others.Sum(g => g.PredictedPositives), chosen.SelectionRate, minGroupSize);
        return new DisparateImpactResult(attribute, privileged, chosen.Count, chosen.SelectionRate, chosen.Small, groups, pooled);
    }
}
