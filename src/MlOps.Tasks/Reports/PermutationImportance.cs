using Microsoft.ML;

namespace MlOps.Tasks.Reports;

/// <summary>
/// ML.NET's PermutationFeatureImportance, one permutation per call and the calls in parallel. ML.NET walks
/// the slots on one thread with a single random stream; each call here has its own context seeded with
/// seed + permutation, so the shuffles, and the numbers, do not depend on which call a thread runs first.
/// </summary>
internal static class PermutationImportance
{
    public static List<ColumnImportance> Measure(ISingleFeaturePredictionTransformer<object> predictor, IDataView features, string label,
        IReadOnlyList<string> slots, int permutations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 2);
        var drops = new double[permutations][];
        Parallel.For(0, permutations, p =>
        {
            var ml = new MLContext(seed: seed + p);
            drops[p] = [.. ml.BinaryClassification.PermutationFeatureImportance(predictor, features, label, permutationCount: 1)
                .Select(m => -m.AreaUnderRocCurve.Mean)];
        });

        return [.. slots.Select((column, slot) => (column, slot)).GroupBy(s => s.column, StringComparer.Ordinal)
            .Select(g => Column(g.Key, [.. g.Select(s => s.slot)], drops))
            .OrderByDescending(c => c.AucDrop).ThenBy(c => c.Column, StringComparer.Ordinal)];
    }

    // A permutation's drop for a column is the sum of its slots' drops; the spread is the sample deviation over permutations.
    private static ColumnImportance Column(string column, int[] slots, double[][] drops)
    {
        var sums = drops.Select(d => slots.Sum(s => d[s])).ToArray();
        var mean = sums.Average();
        var variance = sums.Sum(x => (x - mean) * (x - mean)) / (sums.Length - 1);
        return new ColumnImportance(column, slots.Length, mean, Math.Sqrt(variance));
    }
}
