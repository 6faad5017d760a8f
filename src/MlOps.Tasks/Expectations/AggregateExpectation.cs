using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// <c>expect_column_mean/median/stdev_to_be_between</c> and <c>expect_column_quantile_values_to_be_between</c>,
/// over the column's non-null numbers. A column with no numbers fails: there is nothing to measure.
/// </summary>
internal sealed class AggregateExpectation(ExpectationSection spec, string column, string statistic) : Expectation(spec, column)
{
    public override bool NeedsSummary => true;

    public override ExpectationResult Finish(TableFacts facts)
    {
        var summary = facts.Summaries[Column!];
        if (summary.Count == 0)
        {
            return Result(false, $"{Column}: has no numbers, so its {statistic} cannot be measured.");
        }

        if (Spec.QuantileRanges is { } ranges)
        {
            return Quantiles(summary, ranges);
        }

        var observed = statistic switch
        {
            "mean" => summary.Mean,
            "median" => summary.Median(),
            _ => summary.StandardDeviation,
        };
        var success = double.IsFinite(observed) && WithinBounds(observed);
        var verdict = success ? "is within" : "is outside";
        return Result(success, $"{Column}: {statistic} {Format(observed)} {verdict} {Bounds()}.") with { ObservedValue = observed };
    }

    private ExpectationResult Quantiles(NumericSummary summary, QuantileRangesSection ranges)
    {
        var observed = ranges.Quantiles.Select(summary.Quantile).ToList();
        var failures = new List<string>();
        for (var i = 0; i < observed.Count; i++)
        {
            var (min, max) = (ranges.ValueRanges[i][0], ranges.ValueRanges[i][1]);
            if ((min is { } low && observed[i] < low) || (max is { } high && observed[i] > high))
            {
                failures.Add($"q{Format(ranges.Quantiles[i])} = {Format(observed[i])} "
                    + $"not in [{(min is null ? "-∞" : Format(min.Value))}, {(max is null ? "∞" : Format(max.Value))}]");
            }
        }

        var text = failures.Count == 0 ? $"{Column}: all {observed.Count} quantiles are within their ranges." : $"{Column}: {string.Join("; ", failures)}.";
        return Result(failures.Count == 0, text) with { ObservedValue = new { quantiles = ranges.Quantiles, values = observed } };
    }
}
