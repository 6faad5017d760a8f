namespace MlOps.Models.Drift;

/// <summary>
/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ for n values, as
/// <c>scipy.stats.kstwo</c> computes it: Simard and L'Ecuyer's (2011) choice among exact formulas,
/// Durbin's matrix, Pomeranz's recursion, Pelz–Good's expansion and the one-sided Smirnov sum,
/// with scipy's cut-offs so that the two agree method for method.
/// </summary>
internal static partial class KolmogorovDistribution
{
    private const double TwoPower128 = 3.402823669209385e38;
    private const double TwoPowerMinus128 = 2.938735877055719e-39;

    /// <summary>P(Dₙ ≥ x), <c>kstwo.sf(x, n)</c>.</summary>
    public static double Survival(int n, double x)
    {
        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben and Gambino: for 1/2n ≤ x ≤ 1/n, P(Dₙ ≤ x) = n!/nⁿ (2nx − 1)ⁿ.
            return t <= 0.5 ? 1.0 : Clip(1.0 - RubenGambinoLow(n, t));
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            return nxSquared switch
            {
                <= 0.754693 => Clip(1.0 - Durbin(n, x)),
                <= 4 => Clip(1.0 - Pomeranz(n, x)),
                _ => Clip(2 * SmirnovDistribution.Survival(n, x)),
            };
        }

        return nxSquared switch
        {
            >= 370.0 => 0.0,
            >= 2.2 => Clip(2 * SmirnovDistribution.Survival(n, x)),
            _ when n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 => Clip(1.0 - Durbin(n, x)),
            _ => Clip(1.0 - PelzGood(n, x)),
        };
    }

    private static double RubenGambinoLow(int n, double t)
    {
        if (n > 140)
        {
            return Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1));
        }

        var product = 1.0;
        for (var i = 1; i <= n; i++)
        {
            product *= i * (1.0 / n) * (2 * t - 1);
        }

        return product;
    }

    /// <summary>log(n! / nⁿ) by Stirling's series with nⁿ taken out first, so nothing cancels.</summary>
    private static double LogFactorialOverPower(int n)
    {
        // Bernoulli B₂ⱼ / (2j (2j − 1)) for j = 8 down to 1, Horner order.
        ReadOnlySpan<double> stirling =
        [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ];
        var rn = 1.0 / n;
        var series = 0.0;
        foreach (var c in stirling)
        {
            series = series * (rn / n) + c;
        }

        return Math.Log(n) / 2 - n + Math.Log(2 * Math.PI) / 2 + rn * series;
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
