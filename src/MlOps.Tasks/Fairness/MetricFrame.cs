namespace MlOps.Tasks.Fairness;

/// <summary>
/// Fairlearn's MetricFrame for one protected attribute or for the intersection of all of them: the overall
/// row, one row per group present in the data, and the disparity aggregates.
/// </summary>
/// <param name="Name">The attribute (<c>gender</c>), or the attributes joined by <c>&amp;</c> for the intersection (<c>gender &amp; age</c>).</param>
/// <param name="Columns">The protected columns the groups are formed from.</param>
/// <param name="Overall">Every row, whatever its group.</param>
/// <param name="Groups">The groups present in the data, in order (values ordinal, bins by edge, unassigned rows last).</param>
/// <param name="Aggregates">Fairlearn's aggregates over every assigned group, small ones included: the numbers Fairlearn reports.</param>
/// <param name="Gated">The aggregates the limits are checked against: see <see cref="FairnessAggregates"/>.</param>
public sealed record MetricFrame(
    string Name, IReadOnlyList<string> Columns, GroupMetrics Overall, IReadOnlyList<GroupMetrics> Groups, FairnessAggregates Aggregates, FairnessAggregates Gated)
{
    internal static MetricFrame Of(
        IReadOnlyList<string> columns, Grouping grouping, IReadOnlyList<bool> labels, IReadOnlyList<bool> predictions, int minGroupSize)
    {
        var overall = new ConfusionCounts();
        var counts = grouping.Names.Select(_ => new ConfusionCounts()).ToArray();
        for (var row = 0; row < labels.Count; row++)
        {
            overall.Add(labels[row], predictions[row]);
            counts[grouping.Rows[row]].Add(labels[row], predictions[row]);
        }

        var groups = grouping.Names
            .Select((name, g) => GroupMetrics.Of(name, counts[g], counts[g].Count < minGroupSize, grouping.Unassigned[g]))
            .ToList();
        return new MetricFrame(
            string.Join(" & ", columns), columns, GroupMetrics.Of("overall", overall), groups,
            FairnessAggregates.Of(groups), FairnessAggregates.ForGate(groups));
    }
}
