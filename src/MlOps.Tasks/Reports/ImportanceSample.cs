namespace MlOps.Tasks.Reports;

/// <summary>
/// The held-out rows permutation importance is measured on: at most a bound of them, picked by a
/// seeded hash of each row's index (SplitMix64), so the same rows on every run and every machine.
/// </summary>
internal static class ImportanceSample
{
    /// <summary>The indices of the sampled rows, in ascending order; all rows when there are no more than <paramref name="bound"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public static IReadOnlyList<int> Rows(int count, int bound, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (count <= bound)
        {
            return [.. Enumerable.Range(0, count)];
        }

        // A keyed hash rather than System.Random, whose seeded sequence .NET does not promise to keep across versions.
        return [.. Enumerable.Range(0, count).OrderBy(row => Mix(((ulong)(uint)seed << 32) | (uint)row)).ThenBy(row => row)
            .Take(bound).Order()];
    }

    private static ulong Mix(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
