using MlOps.Models.Sweeps;
using static MlOps.Models.Tests.Sweeps.SweepRun;

namespace MlOps.Models.Tests.Sweeps;

public sealed class ParameterImportanceTests
{
    private static readonly SearchSpace Space = new(
    [
        Float("rate", 0.001, 1) with { Log = true },
        Float("noise", 0, 1),
        Choice("booster", "gbdt", "dart", "goss"),
        Int("fixed", 3, 3),
    ]);

    [Test]
    public void Should_Give_Most_Importance_To_The_Dimension_That_Determines_The_Loss()
    {
        // Given: the loss is the log of the rate, squared; noise and booster play no part
        var trials = SweepRun.Trials(new RandomSampler(11), Space, 300, p => Math.Pow(Math.Log10(Number(p, "rate")) + 1.5, 2));

        // When
        var importance = ParameterImportance.Of(Space, trials);

        // Then
        Assert.That(importance["rate"], Is.GreaterThan(0.8));
        Assert.That(importance["noise"], Is.LessThan(0.1));
        Assert.That(importance["booster"], Is.LessThan(0.1));
        Assert.That(importance["fixed"], Is.Zero);
        Assert.That(importance.Values.Sum(), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Should_Give_A_Choice_That_Determines_The_Loss_Most_Importance()
    {
        // Given
        var trials = SweepRun.Trials(new RandomSampler(12), Space, 200, p => p["booster"] == "dart" ? 1 : 0);

        // When
        var importance = ParameterImportance.Of(Space, trials);

        // Then
        Assert.That(importance["booster"], Is.GreaterThan(0.8));
        Assert.That(importance.Values.Sum(), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Should_Ignore_Trials_That_Did_Not_Finish()
    {
        // Given: only one finished trial, so no dimension has two distinct values
        var trials = SweepRun.Trials(new RandomSampler(13), Space, 5, p => Number(p, "noise"))
            .Select(t => t.Number == 0 ? t : t with { State = TrialState.Pruned, Loss = null })
            .ToList();

        // When
        var importance = ParameterImportance.Of(Space, trials);

        // Then
        Assert.That(importance.Values, Is.All.Zero);
    }
}
