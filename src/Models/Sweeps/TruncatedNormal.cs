using MathNet.Numerics;

namespace MlOps.Models.Sweeps;

/// <summary>The standard normal distribution truncated to [a, b], the kernel of <see cref="ParzenEstimator"/>.</summary>
internal static class TruncatedNormal
{
    private static readonly double LogRootTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Φ(z), the standard normal's distribution function.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>ln(Φ(b) − Φ(a)), computed on the side of 0 where the difference keeps its digits.</summary>
    public static double LogMass(double a, double b)
    {
        double mass;
        if (a >= 0)
        {
            mass = Cdf(-a) - Cdf(-b);
        }
        else if (b <= 0)
        {
            mass = Cdf(b) - Cdf(a);
        }
        else
        {
            mass = 1 - Cdf(a) - Cdf(-b);
        }

        return Math.Log(Math.Max(mass, double.Epsilon));
    }

    /// <summary>The log density at z of the standard normal truncated to [a, b].</summary>
    public static double LogPdf(double z, double a, double b) => (-0.5 * z * z) - LogRootTwoPi - LogMass(a, b);

    /// <summary>A draw from the standard normal truncated to [a, b], by inverting Φ on the side of 0 where Φ is accurate.</summary>
    public static double Sample(double a, double b, Random random)
    {
        if (a >= 0)
        {
            return -Sample(-b, -a, random);
        }

        var (low, high) = (Cdf(a), Cdf(b));
        var u = low + (random.NextDouble() * (high - low));
        var z = u <= 0 ? a : -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * u);
        return Math.Clamp(z, a, b);
    }
}
