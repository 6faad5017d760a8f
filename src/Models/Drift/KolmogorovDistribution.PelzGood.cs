namespace MlOps.Models.Drift;

internal static partial class KolmogorovDistribution
{
    // Powers as numpy takes them (np.pi ** 4 is not the square of the square to the last bit).
    private static readonly double PiSquared = Math.Pow(Math.PI, 2);
    private static readonly double PiFour = Math.Pow(Math.PI, 4);
    private static readonly double PiSix = Math.Pow(Math.PI, 6);
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>
    /// P(Dₙ ≤ x) by Pelz and Good's (1976) expansion K₀ + K₁/√n + K₂/n + K₃/n^1.5 in z = x√n, each
    /// term a theta series; the large-n, small-x region of scipy's choice.
    /// </summary>
    private static double PelzGood(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        var qLog = -PiSquared / 8 / Math.Pow(z, 2);
        if (qLog < -708)
        {
            return 0.0;
        }

        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        Span<double> terms = stackalloc double[4];
        AddOddSeries(terms, z, Math.Exp(qLog), maxK);
        AddIntegerSeries(terms, z, maxK);
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            sum += terms[i] / Math.Pow(n * 1.0, i / 2.0);
        }

        return sum;
    }

    /// <summary>The sums over odd m = 2k − 1 of each Kᵢ, Horner-fashion in q^(8k).</summary>
    private static void AddOddSeries(Span<double> terms, double z, double q, int maxK)
    {
        var (z2, z4, z6) = (Math.Pow(z, 2), Math.Pow(z, 4), Math.Pow(z, 6));
        var (k1a, k1b) = (-z2, PiSquared / 4);
        var (k2a, k2b, k2c) = (6 * z6 + 2 * z4, (2 * z4 - 5 * z2) * PiSquared / 4, PiFour * (1 - 2 * z2) / 16);
        var (k3a, k3b) = (-30 * z6 - 90 * Math.Pow(z, 8), PiSquared * (135 * z4 - 96 * z6) / 4);
        var (k3c, k3d) = (PiFour * (-60 * z2 + 212 * z4) / 16, PiSix * (5 - 30 * z2) / 64);
        for (var k = maxK; k > 0; k--)
        {
            var m = 2 * k - 1;
            var (m2, m4, m6) = ((double)m * m, Math.Pow(m, 4), Math.Pow(m, 6));
            var qPower = Math.Pow(q, 8 * k);
            terms[0] = terms[0] * qPower + 1.0;
            terms[1] = terms[1] * qPower + (k1a + k1b * m2);
            terms[2] = terms[2] * qPower + (k2a + k2b * m2 + k2c * m4);
            terms[3] = terms[3] * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }

        terms[0] = terms[0] * q * SqrtTwoPi / z;
        terms[1] = terms[1] * q * SqrtTwoPi / (6 * z4);
        terms[2] = terms[2] * q * SqrtTwoPi / (72 * Math.Pow(z, 7));
        terms[3] = terms[3] * q * SqrtTwoPi / (6480 * Math.Pow(z, 10));
    }

    /// <summary>The parts of K₂ and K₃ summed over all k, with no cancellation to fear.</summary>
    private static void AddIntegerSeries(Span<double> terms, double z, int maxK)
    {
        var q = Math.Exp(-PiSquared / 2 / Math.Pow(z, 2));
        Span<double> k2Parts = stackalloc double[maxK];
        Span<double> k3Parts = stackalloc double[maxK];
        var sqrt3Z = Math.Sqrt(3) * z;
        for (var index = 0; index < maxK; index++)
        {
            var k = maxK - index;
            var kSquared = (double)k * k;
            var kPi = Math.PI * k;
            var qPowers = Math.Pow(q, k * k);
            k2Parts[index] = kSquared * qPowers;
            k3Parts[index] = (sqrt3Z + kPi) * (sqrt3Z - kPi) * kSquared * qPowers;
        }

        terms[2] += PairwiseSum.Of(k2Parts) * (PiSquared * SqrtTwoPi / (-36 * Math.Pow(z, 3)));
        terms[3] += PairwiseSum.Of(k3Parts) * (PiSquared * SqrtTwoPi / (216 * Math.Pow(z, 6)));
    }
}
