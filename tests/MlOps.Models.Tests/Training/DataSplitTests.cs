using MlOps.Models.Training;

namespace MlOps.Models.Tests.Training;

public class DataSplitTests
{
    private static readonly bool[] Labels = [.. Enumerable.Range(0, 1000).Select(i => i % 4 == 0)];

    [Test]
    public void Should_Hold_Out_The_Same_Share_Of_Each_Class()
    {
        // When
        var split = DataSplit.Stratified(Labels, 0.2, seed: 42);

        // Then
        Assert.That(split.Test, Has.Count.EqualTo(200));
        Assert.That(split.Test.Count(r => Labels[r]), Is.EqualTo(50));
        Assert.That(split.Train.Concat(split.Test).Order(), Is.EqualTo(Enumerable.Range(0, 1000)));
    }

    [Test]
    public void Should_Give_The_Same_Split_For_The_Same_Seed_And_Another_For_Another()
    {
        // When
        var first = DataSplit.Stratified(Labels, 0.2, seed: 42);
        var again = DataSplit.Stratified(Labels, 0.2, seed: 42);
        var other = DataSplit.Stratified(Labels, 0.2, seed: 43);

        // Then
        Assert.That(again.Test, Is.EqualTo(first.Test));
        Assert.That(other.Test, Is.Not.EqualTo(first.Test));
    }

    [Test]
    public void Should_Cut_Folds_That_Cover_The_Rows_Once_Each()
    {
        // Given
        var rows = DataSplit.Stratified(Labels, 0.2, seed: 42).Train;

        // When
        var folds = DataSplit.Folds(Labels, rows, 4, seed: 42);

        // Then
        Assert.That(folds.SelectMany(f => f.Test).Order(), Is.EqualTo(rows));
        Assert.That(folds.Select(f => f.Test.Count(r => Labels[r])), Is.EqualTo(new[] { 50, 50, 50, 50 }));
        Assert.That(folds.Select(f => f.Train.Count + f.Test.Count), Has.All.EqualTo(800));
    }
}
