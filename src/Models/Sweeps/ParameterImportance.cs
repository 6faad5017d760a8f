namespace MlOps.Models.Sweeps;

/// <summary>
/// A simple, documented estimate of each dimension's importance, in place of Optuna's fANOVA: the correlation ratio
/// η² = (between-group sum of squares) / (total sum of squares) of the finished trials' loss grouped by the dimension's value,
/// over the trials where the dimension was present. Choices group by value; a numeric dimension with more than 10 distinct
/// values is cut into 10 quantile bins by rank (in log space when Log, which does not change ranks; equal values share a bin).
/// Dimensions with fewer than 2 distinct values get 0. The importances are normalised to sum to 1 (all 0 when none explains anything).
/// </summary>
public static class ParameterImportance
{
    private const int Bins = 10;

    /// <summary>Dimension name to importance, for every dimension of <paramref name="space"/>.</summary>
    public static IReadOnlyDictionary<string, double> Of(SearchSpace space, IReadOnlyList<SweepTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trials);
        var finished = trials.Where(t => t.State == TrialState.Finished && t.Loss is double l && double.IsFinite(l)).ToList();
        var ratios = space.Dimensions.ToDictionary(d => d.Name, d => CorrelationRatio(d, finished), StringComparer.Ordinal);
        var total = ratios.Values.Sum();
        return total > 0 ? ratios.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal) : ratios;
    }

    private static double CorrelationRatio(SearchDimension dimension, List<SweepTrial> finished)
    {
        var pairs = new List<(double Value, double Loss)>();
        foreach (var trial in finished)
        {
            if (trial.Params.TryGetValue(dimension.Name, out var text) && dimension.TryParse(text, out var value))
            {
                pairs.Add((value, trial.Loss!.Value));
            }
        }

        var distinct = pairs.Select(p => p.Value).Distinct().Count();
        if (distinct < 2)
        {
            return 0;
        }

        var groups = Groups(pairs, binned: dimension.Kind != DimensionKind.Choice && distinct > Bins);
        var mean = pairs.Average(p => p.Loss);
        var totalSquares = pairs.Sum(p => (p.Loss - mean) * (p.Loss - mean));
        if (totalSquares <= 0)
        {
            return 0;
        }

        var between = groups.Sum(g => g.Count * (g.Average() - mean) * (g.Average() - mean));
        return Math.Clamp(between / totalSquares, 0, 1);
    }

    private static IEnumerable<List<double>> Groups(List<(double Value, double Loss)> pairs, bool binned)
    {
        if (!binned)
        {
            return pairs.GroupBy(p => p.Value).Select(g => g.Select(p => p.Loss).ToList());
        }

        var sorted = pairs.Select(p => p.Value).Order().ToArray();
        return pairs.GroupBy(p => Array.IndexOf(sorted, p.Value) * Bins / sorted.Length).Select(g => g.Select(p => p.Loss).ToList());
    }
}
