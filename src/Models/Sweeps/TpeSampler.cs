namespace MlOps.Models.Sweeps;

/// <summary>
/// The independent tree-structured Parzen estimator of Optuna 3.1's default TPESampler. Until <see cref="StartupTrials"/>
/// trials have finished or been pruned it samples as <see cref="RandomSampler"/>. Then, of those n trials, the best
/// γ(n) = min(⌈0.1·n⌉, 25) finished ones (lowest loss; ties by number) are "below" and the rest, pruned ones included, "above".
/// Each dimension is handled on its own, from the trials where it was present (so conditional dimensions work): l(x) is
/// built from the below values and g(x) from the above ones (<see cref="ParzenEstimator"/>, <see cref="CategoricalEstimator"/>),
/// <see cref="Candidates"/> values are drawn from l(x), and the one with the largest log l(x) − log g(x) wins.
/// Running and failed trials are ignored. Random numbers come from a generator seeded by the seed and the trial's number.
/// </summary>
/// <param name="seed">The sweep's seed.</param>
public sealed class TpeSampler(int seed) : ISweepSampler
{
    /// <summary>Trials sampled at random before TPE starts (Optuna's n_startup_trials).</summary>
    public const int StartupTrials = 10;

    /// <summary>Values drawn from l(x) per dimension (Optuna's n_ei_candidates).</summary>
    public const int Candidates = 24;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<SweepTrial> history, int number)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        space.Validate();
        var random = TrialRandom.For(seed, number);
        var observed = history.Where(IsObservation).OrderBy(t => t.Number).ToList();
        if (observed.Count < StartupTrials)
        {
            return space.Draw(d => TrialRandom.Uniform(d, random));
        }

        var below = Below(observed);
        return space.Draw(d => SampleDimension(d, observed, below, random));
    }

    /// <summary>Optuna's default_gamma: how many of <paramref name="n"/> observations are "below".</summary>
    internal static int Gamma(int n) => Math.Min((n + 9) / 10, 25);

    private static bool IsObservation(SweepTrial trial) =>
        trial.State == TrialState.Pruned || (trial.State == TrialState.Finished && trial.Loss is double loss && !double.IsNaN(loss));

    private static HashSet<SweepTrial> Below(List<SweepTrial> observed) =>
    [
        .. observed.Where(t => t.State == TrialState.Finished).OrderBy(t => t.Loss).ThenBy(t => t.Number).Take(Gamma(observed.Count)),
    ];

    private static double SampleDimension(SearchDimension dimension, List<SweepTrial> observed, HashSet<SweepTrial> below, Random random)
    {
        if (!dimension.IsStepped && dimension.Kind != DimensionKind.Choice && dimension.Low == dimension.High)
        {
            return dimension.Low;
        }

        List<double> good = [];
        List<double> bad = [];
        foreach (var trial in observed)
        {
            if (trial.Params.TryGetValue(dimension.Name, out var text) && dimension.TryParse(text, out var value))
            {
                (below.Contains(trial) ? good : bad).Add(value);
            }
        }

        var l = Estimator(dimension, good);
        var g = Estimator(dimension, bad);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Candidates; i++)
        {
            var candidate = l.Sample(random);
            var score = l.LogPdf(candidate) - g.LogPdf(candidate);
            if (double.IsNaN(best) || score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    private static IParzenEstimator Estimator(SearchDimension dimension, List<double> values) =>
        dimension.Kind == DimensionKind.Choice ? new CategoricalEstimator(dimension.Choices.Count, values) : new ParzenEstimator(dimension, values);
}
