namespace MlOps.Models.Sweeps;

/// <summary>
/// Optuna 3.1's univariate Parzen estimator of a Float or Int dimension: a mixture of Gaussians truncated to the range, one
/// per observation (μ the value, σ the larger gap to its sorted neighbours, the outermost taking their inner gap since
/// consider_endpoints is false) and the prior (μ the middle, σ the width), σ clipped to [width / min(100, 1 + kernels), width]
/// (consider_magic_clip). Log dimensions live in log space; a grid's range is widened by half a step each side and its
/// density is the mass of the step around a value, as Optuna does.
/// </summary>
internal sealed class ParzenEstimator : IParzenEstimator
{
    private readonly SearchDimension dimension;
    private readonly double low;
    private readonly double high;
    private readonly double? step;
    private readonly double[] mus;
    private readonly double[] sigmas;
    private readonly double[] weights;

    public ParzenEstimator(SearchDimension dimension, IReadOnlyList<double> observations)
    {
        this.dimension = dimension;
        if (dimension.Log)
        {
            (low, high) = TrialRandom.LogBounds(dimension);
        }
        else if (dimension.IsStepped)
        {
            step = dimension.Spacing;
            (low, high) = (dimension.Low - (dimension.Spacing / 2), dimension.High + (dimension.Spacing / 2));
        }
        else
        {
            (low, high) = (dimension.Low, dimension.High);
        }

        mus = [.. observations.Select(ToInternal), 0.5 * (low + high)];
        sigmas = Sigmas(mus, low, high);
        weights = ParzenWeights.For(observations.Count);
    }

    public double Sample(Random random)
    {
        var k = ParzenWeights.Pick(weights, random);
        var z = TruncatedNormal.Sample((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k], random);
        var x = mus[k] + (sigmas[k] * z);
        return dimension.Snap(dimension.Log ? Math.Exp(x) : x);
    }

    public double LogPdf(double value)
    {
        var x = ToInternal(value);
        var terms = new double[mus.Length];
        for (var k = 0; k < mus.Length; k++)
        {
            var (a, b) = ((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k]);
            double log;
            if (step is double q)
            {
                var (lower, upper) = ((Math.Max(x - (q / 2), low) - mus[k]) / sigmas[k], (Math.Min(x + (q / 2), high) - mus[k]) / sigmas[k]);
                log = TruncatedNormal.LogMass(lower, upper) - TruncatedNormal.LogMass(a, b);
            }
            else
            {
                log = TruncatedNormal.LogPdf((x - mus[k]) / sigmas[k], a, b) - Math.Log(sigmas[k]);
            }

            terms[k] = log + Math.Log(weights[k]);
        }

        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    private double ToInternal(double value) => dimension.Log ? Math.Log(value) : value;

    private static double[] Sigmas(double[] mus, double low, double high)
    {
        var order = Enumerable.Range(0, mus.Length).OrderBy(i => mus[i]).ThenBy(i => i).ToArray();
        var points = new double[mus.Length + 2];
        (points[0], points[^1]) = (low, high);
        for (var i = 0; i < order.Length; i++)
        {
            points[i + 1] = mus[order[i]];
        }

        var sorted = new double[mus.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Math.Max(points[i + 1] - points[i], points[i + 2] - points[i + 1]);
        }

        if (points.Length >= 4)
        {
            sorted[0] = points[2] - points[1];
            sorted[^1] = points[^2] - points[^3];
        }

        var width = high - low;
        var minimum = width / Math.Min(100.0, 1.0 + mus.Length);
        var sigmas = new double[mus.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sigmas[order[i]] = Math.Clamp(sorted[i], minimum, width);
        }

        // The prior, last, keeps the whole width.
        sigmas[^1] = width;
        return sigmas;
    }
}
