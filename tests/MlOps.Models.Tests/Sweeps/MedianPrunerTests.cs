using MlOps.Models.Sweeps;

namespace MlOps.Models.Tests.Sweeps;

public sealed class MedianPrunerTests
{
    private static SweepTrial Finished(int number, params double[] steps) => new(number, new Dictionary<string, string>(), TrialState.Finished, steps[^1], steps);

    private static List<SweepTrial> FiveFinished() =>
        [Finished(0, 1, 0.5), Finished(1, 2, 0.6), Finished(2, 3, 0.7), Finished(3, 4, 0.8), Finished(4, 5, 0.9)];

    [Test]
    public void Should_Not_Prune_Before_Five_Trials_Have_Finished()
    {
        // Given: four finished trials, and a pruned one that does not count
        var earlier = FiveFinished().Take(4).Append(new SweepTrial(5, new Dictionary<string, string>(), TrialState.Pruned, null, [9.0])).ToList();

        // When
        var prune = new MedianPruner().ShouldPrune(1, 100, earlier);

        // Then
        Assert.That(prune, Is.False);
    }

    [Test]
    public void Should_Prune_A_Loss_Above_The_Median_At_The_Step()
    {
        // Given: the losses at step 1 are 1..5, their median 3
        var earlier = FiveFinished();

        // When
        var prune = new MedianPruner().ShouldPrune(1, 3.5, earlier);

        // Then
        Assert.That(prune, Is.True);
    }

    [Test]
    public void Should_Not_Prune_A_Loss_At_Or_Below_The_Median()
    {
        // Given
        var earlier = FiveFinished();
        var pruner = new MedianPruner();

        // When
        var (atMedian, below) = (pruner.ShouldPrune(1, 3, earlier), pruner.ShouldPrune(2, 0.65, earlier));

        // Then
        Assert.That(atMedian, Is.False);
        Assert.That(below, Is.False);
    }

    [Test]
    public void Should_Ignore_Trials_That_Did_Not_Reach_The_Step()
    {
        // Given: at step 3 only two trials have a loss, 0.1 and 0.3 (median 0.2); the others stopped at step 2
        var earlier = FiveFinished().Append(Finished(5, 1, 1, 0.1)).Append(Finished(6, 1, 1, 0.3)).ToList();

        // When
        var (above, below) = (new MedianPruner().ShouldPrune(3, 0.25, earlier), new MedianPruner().ShouldPrune(3, 0.15, earlier));

        // Then
        Assert.That(above, Is.True);
        Assert.That(below, Is.False);
    }

    [Test]
    public void Should_Not_Prune_During_The_Warm_Up_Steps()
    {
        // Given
        var pruner = new MedianPruner(startupTrials: 5, warmupSteps: 1);

        // When
        var (warmUp, after) = (pruner.ShouldPrune(1, 100, FiveFinished()), pruner.ShouldPrune(2, 100, FiveFinished()));

        // Then
        Assert.That(warmUp, Is.False);
        Assert.That(after, Is.True);
    }
}
