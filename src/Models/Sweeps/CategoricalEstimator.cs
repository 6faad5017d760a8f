namespace MlOps.Models.Sweeps;

/// <summary>
/// Optuna 3.1's Parzen estimator of a Choice dimension: one kernel per observation and one for the prior, each spreading
/// prior_weight / (n + 1) over every choice plus 1 on its observed choice, normalised; the mixture's weights are
/// <see cref="ParzenWeights.For"/>.
/// </summary>
internal sealed class CategoricalEstimator : IParzenEstimator
{
    private readonly double[] probabilities;

    public CategoricalEstimator(int choices, IReadOnlyList<double> observations)
    {
        var weights = ParzenWeights.For(observations.Count);
        var spread = ParzenWeights.Prior / (observations.Count + 1);
        probabilities = new double[choices];
        for (var k = 0; k < weights.Length; k++)
        {
            var observed = k < observations.Count ? (int)observations[k] : -1;
            var total = (spread * choices) + (observed >= 0 ? 1 : 0);
            for (var c = 0; c < choices; c++)
            {
                probabilities[c] += weights[k] * (spread + (c == observed ? 1 : 0)) / total;
            }
        }
    }

    public double Sample(Random random) => ParzenWeights.Pick(probabilities, random);

    public double LogPdf(double value) => Math.Log(probabilities[(int)value]);
}
