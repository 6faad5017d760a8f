namespace MlOps.Models.Training;

/// <summary>Rows for training and rows held out for testing, by index into the table, ascending.</summary>
/// <param name="Train">Rows the model learns from.</param>
/// <param name="Test">Rows the model is measured on.</param>
public sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test)
{
    /// <summary>
    /// Holds out <paramref name="testFraction"/> of each class (stratified), drawn with
    /// <paramref name="seed"/>: the same labels and seed give the same split on every machine.
    /// </summary>
    public static DataSplit Stratified(IReadOnlyList<bool> labels, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1);
        var random = new Random(seed);
        var train = new List<int>(labels.Count);
        var test = new List<int>(labels.Count);
        foreach (var rows in Classes(labels, Enumerable.Range(0, labels.Count)))
        {
            Shuffle(rows, random);
            var held = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            test.AddRange(rows.Take(held));
            train.AddRange(rows.Skip(held));
        }

        train.Sort();
        test.Sort();
        return new DataSplit(train, test);
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

    // Negatives first, then positives, each in row order: the order the shuffle starts from.
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
