namespace MlOps.Models.Training;

/// <summary>Rows for training and rows held out for testing, by index into the table, ascending.</summary>
/// <param name="Train">Rows the model learns from.</param>
/// <param name="Test">Rows the model is measured on.</param>
public sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test)
{
    /// <summary>
    /// Holds out the rows whose <see cref="RowKey"/> falls in the lowest <paramref name="testFraction"/> of the
    /// key range, in each class alike: the seed plays no part, and a row keeps its side when rows are added,
    /// removed or reordered, so a row held out once is held out for every version trained with this fraction
    /// (and with any larger one). Rows with the same key are on the same side. A class the cut leaves on one
    /// side gives its lowest key to the held-out rows, or its highest to the training rows, so that both sides
    /// hold each class that has two keys or more.
    /// </summary>
    /// <param name="labels">Each row's class.</param>
    /// <param name="keys">Each row's <see cref="RowKey"/>.</param>
    /// <param name="testFraction">The share of each class to hold out, in (0, 1).</param>
    public static DataSplit HeldOut(IReadOnlyList<bool> labels, IReadOnlyList<ulong> keys, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1);
        if (keys.Count != labels.Count)
        {
            throw new ArgumentException($"There are {keys.Count} keys for {labels.Count} rows.", nameof(keys));
        }

        // Exact on every machine: the product is below 2^64 and the conversion truncates.
        var threshold = (ulong)(testFraction * 18446744073709551616.0);
        var moved = new HashSet<ulong>();
        foreach (var rows in Classes(labels, Enumerable.Range(0, labels.Count)))
        {
            var classKeys = rows.Select(r => keys[r]).Distinct().ToArray();
            if (classKeys.Length >= 2 && classKeys.All(k => k >= threshold))
            {
                moved.Add(classKeys.Min());
            }
            else if (classKeys.Length >= 1 && classKeys.All(k => k < threshold))
            {
                moved.Add(classKeys.Max());
            }
        }

        var held = Enumerable.Range(0, labels.Count).Select(r => keys[r] < threshold != moved.Contains(keys[r])).ToArray();
        return new DataSplit([.. Enumerable.Range(0, held.Length).Where(r => !held[r])], [.. Enumerable.Range(0, held.Length).Where(r => held[r])]);
    }

    /// <summary>
    /// Cuts <paramref name="rows"/> into <paramref name="folds"/> stratified folds; each split tests on one
    /// fold and trains on the others (k-fold cross-validation).
    /// </summary>
    public static IReadOnlyList<DataSplit> Folds(IReadOnlyList<bool> labels, IReadOnlyList<int> rows, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var fold = new int[labels.Count];
        foreach (var members in Classes(labels, rows))
        {
            Shuffle(members, random);
            for (var i = 0; i < members.Length; i++)
            {
                fold[members[i]] = i % folds;
            }
        }

        var ordered = rows.Order().ToArray();
        return [.. Enumerable.Range(0, folds).Select(k => new DataSplit(
            [.. ordered.Where(r => fold[r] != k)], [.. ordered.Where(r => fold[r] == k)]))];
    }

    // Negatives first, then positives, each in row order: the order the folds' shuffle starts from.
    private static IEnumerable<int[]> Classes(IReadOnlyList<bool> labels, IEnumerable<int> rows)
    {
        var sorted = rows.Order().ToArray();
        yield return [.. sorted.Where(r => !labels[r])];
        yield return [.. sorted.Where(r => labels[r])];
    }

    private static void Shuffle(int[] rows, Random random)
    {
        for (var i = rows.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }
}
