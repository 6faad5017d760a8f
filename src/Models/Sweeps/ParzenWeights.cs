namespace MlOps.Models.Sweeps;

/// <summary>The mixture weights of TPE's Parzen estimators, as Optuna 3.1.</summary>
internal static class ParzenWeights
{
    /// <summary>The prior's weight (Optuna's prior_weight).</summary>
    public const double Prior = 1.0;

    /// <summary>
    /// Optuna's default_weights for <paramref name="count"/> observations in trial order, then the prior, normalised to sum 1:
    /// all 1 below 25 observations; from 25 on, a ramp from 1/n to 1 over the oldest n − 25 and 1 for the newest 25.
    /// </summary>
    public static double[] For(int count)
    {
        var weights = new double[count + 1];
        var ramp = count < 25 ? 0 : count - 25;
        for (var i = 0; i < count; i++)
        {
            weights[i] = i >= ramp ? 1 : Linspace(1.0 / count, 1.0, ramp, i);
        }

        weights[count] = Prior;
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }

    /// <summary>Index <paramref name="i"/> of numpy's linspace(start, stop, num).</summary>
    private static double Linspace(double start, double stop, int num, int i) => num == 1 ? start : start + ((stop - start) * i / (num - 1));

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public static int Pick(IReadOnlyList<double> weights, Random random)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
