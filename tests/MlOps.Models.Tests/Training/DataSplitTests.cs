using MlOps.Models.Training;

namespace MlOps.Models.Tests.Training;

public class DataSplitTests
{
    private static readonly bool[] Labels = [.. Enumerable.Range(0, 1000).Select(i => i % 4 == 0)];
    private static readonly string[] Ids = [.. Enumerable.Range(0, 1000).Select(i => $"A{i:D8}")];
    private static readonly ulong[] Keys = [.. Ids.Select(id => RowKey.Of(id))];

    // The ids of the rows held out from a table of the given rows of Labels and Ids, in this order.
    private static string[] HeldOutIds(int[] rows, double fraction = 0.2) =>
        [.. DataSplit.HeldOut([.. rows.Select(r => Labels[r])], [.. rows.Select(r => RowKey.Of(Ids[r]))], fraction).Test.Select(t => Ids[rows[t]]).Order(StringComparer.Ordinal)];

    [Test]
    public void Should_Hold_Out_About_The_Test_Fraction_Of_Each_Class()
    {
        // When
        var split = DataSplit.HeldOut(Labels, Keys, 0.2);

        // Then
        Assert.That(split.Test.Count(r => !Labels[r]), Is.EqualTo(150).Within(30));
        Assert.That(split.Test.Count(r => Labels[r]), Is.EqualTo(50).Within(15));
        Assert.That(split.Train.Concat(split.Test).Order(), Is.EqualTo(Enumerable.Range(0, 1000)));
    }

    [Test]
    public void Should_Hold_Out_The_Same_Rows_In_Any_Order()
    {
        // Given
        var rows = Enumerable.Range(0, 1000).ToArray();
        var shuffled = rows.ToArray();
        new Random(7).Shuffle(shuffled);

        // When
        var first = HeldOutIds(rows);
        var reordered = HeldOutIds(shuffled);

        // Then
        Assert.That(reordered, Is.EqualTo(first));
    }

    [Test]
    public void Should_Keep_Every_Held_Out_Row_Held_Out_When_Rows_Are_Appended_Or_Reordered()
    {
        // Given: the first 800 rows, then all 1000 in reverse order
        var before = HeldOutIds([.. Enumerable.Range(0, 800)]);

        // When
        var after = HeldOutIds([.. Enumerable.Range(0, 1000).Reverse()]);

        // Then: nothing moves; the appended rows are split by the same rule
        Assert.That(before, Is.SubsetOf(after));
        Assert.That(after.Where(id => string.CompareOrdinal(id, "A00000800") < 0), Is.EqualTo(before));
    }

    [Test]
    public void Should_Hold_Out_Every_Row_A_Smaller_Fraction_Held_Out()
    {
        // When
        var smaller = HeldOutIds([.. Enumerable.Range(0, 1000)], 0.1);
        var larger = HeldOutIds([.. Enumerable.Range(0, 1000)], 0.3);

        // Then
        Assert.That(smaller, Is.SubsetOf(larger));
        Assert.That(larger, Has.Length.GreaterThan(smaller.Length));
    }

    [Test]
    public void Should_Put_Each_Class_On_Both_Sides_When_The_Fraction_Alone_Would_Not()
    {
        // Given: three positives among 50 rows, so few that a 5 % cut may miss them all
        bool[] labels = [.. Enumerable.Range(0, 50).Select(i => i < 3)];

        // When
        var split = DataSplit.HeldOut(labels, [.. Keys.Take(50)], 0.05);

        // Then
        Assert.That(split.Test.Count(r => labels[r]), Is.GreaterThanOrEqualTo(1));
        Assert.That(split.Train.Count(r => labels[r]), Is.GreaterThanOrEqualTo(1));
        Assert.That(split.Test.Count(r => !labels[r]), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Should_Give_A_Row_The_Same_Key_On_Every_Machine()
    {
        // Then: the first eight bytes of SHA-256("A00000000"), big-endian
        Assert.That(RowKey.Of("A00000000"), Is.EqualTo(0x8161a4690248b729UL));
    }

    [Test]
    public void Should_Cut_Folds_That_Cover_The_Rows_Once_Each()
    {
        // Given
        var rows = DataSplit.HeldOut(Labels, Keys, 0.2).Train;
        var positives = rows.Count(r => Labels[r]);

        // When
        var folds = DataSplit.Folds(Labels, rows, 4, seed: 42);

        // Then
        Assert.That(folds.SelectMany(f => f.Test).Order(), Is.EqualTo(rows));
        Assert.That(folds.Select(f => f.Test.Count(r => Labels[r])), Has.All.InRange(positives / 4, (positives / 4) + 1));
        Assert.That(folds.Select(f => f.Train.Count + f.Test.Count), Has.All.EqualTo(rows.Count));
    }
}
