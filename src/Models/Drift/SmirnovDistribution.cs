namespace MlOps.Models.Drift;

/// <summary>
/// The one-sided Kolmogorov–Smirnov statistic Dₙ⁺ for n values: P(Dₙ⁺ ≥ x), <c>scipy.special.smirnov(n, x)</c>,
/// which <see cref="KolmogorovDistribution"/> doubles for the two-sided tail.
/// </summary>
/// <remarks>
/// The sum is Smirnov's (Birnbaum and Tingey's) x Σ C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v) over
/// 0 ≤ v &lt; n(1 − x), with scipy's special cases and early stop. scipy sums in double-double; here each
/// term is a binomial probability computed by Loader's (2000) saddle-point method, which keeps its
/// logarithm small and so agrees with scipy to about 1e-12 relative.
/// </remarks>
internal static class SmirnovDistribution
{
    // cephes' MINLOG with denormals, log(2^-1075): below it the tail underflows.
    private const double MinLog = -7.451332191019412076235E2;
    private const int MaxComputedN = 1_000_000;
    private const double Epsilon = 2.220446049250313e-16;
    private const double SmallestNormal = 2.2250738585072014e-308;

    public static double Survival(int n, double x)
    {
        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var (whole, fraction) = FloorAndFraction(n, x);
        if (whole == 0 || (whole == 1 && fraction == 0))
        {
            // x ≤ 1/n: P(Dₙ⁺ < x) = x (1 + x)^(n−1).
            return 1 - x * Math.Exp((n - 1) * LogOnePlus(x));
        }

        if (-2 * n * x * x < MinLog)
        {
            return 0.0;
        }

        if (whole >= n - 1)
        {
            return Math.Exp(n * LogOnePlus(-x));
        }

        if (n > MaxComputedN)
        {
            // Too many terms: scipy's approximation e^(−(6nx + 1)² / 18n).
            var logP = -Math.Pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logP < -Math.Log(2) ? Math.Exp(logP) : 1 - -ExpMinusOne(logP);
        }

        return x * LowerSum(n, x, terms: n - whole);
    }

    /// <summary>Σ C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v) for v = 0 … terms − 1, stopping as scipy stops.</summary>
    private static double LowerSum(int n, double x, int terms)
    {
        var nx = (double)n * x;
        var sum = Math.Exp(n * LogOnePlus(-x)) / x;
        var compensation = 0.0;
        for (var v = 1; v < terms; v++)
        {
            // (x + v/n)^(v−1) C(n, v) (1 − x − v/n)^(n−v) = binomial(v; n, p) / p with p = x + v/n.
            var p = x + (double)v / n;
            var term = BinomialProbability(v, n, nx + v, n - v - nx) / p;
            if (double.IsFinite(term) && term != 0)
            {
                var total = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? sum - total + term : term - total + sum;
                sum = total;
                if (4.0 * (terms - v) * term < Epsilon * (sum + compensation) && v != terms - 1)
                {
                    break;
                }
            }
            else if (v > n / 2)
            {
                break;
            }
        }

        return sum + compensation;
    }

    /// <summary>
    /// C(n, k) pᵏ qⁿ⁻ᵏ for 0 &lt; k &lt; n, given np and nq, by Loader's saddle-point expansion:
    /// the Stirling remainders and the deviances bd0 stay small, so no large logarithms cancel.
    /// </summary>
    private static double BinomialProbability(int k, int n, double np, double nq)
    {
        var lc = StirlingError(n) - StirlingError(k) - StirlingError(n - k) - Deviance(k, np) - Deviance(n - k, nq);
        var lf = Math.Log(2 * Math.PI) + Math.Log(k) + LogOnePlus(-(double)k / n);
        return Math.Exp(lc - 0.5 * lf);
    }

    /// <summary>bd0(x, m) = x log(x/m) + m − x, by its series when x is near m.</summary>
    private static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            var v = (x - m) / (x + m);
            var s = (x - m) * v;
            if (Math.Abs(s) < SmallestNormal)
            {
                return s;
            }

            var ej = 2 * x * v;
            v *= v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= v;
                var next = s + ej / (2 * j + 1);
                if (next == s)
                {
                    return next;
                }

                s = next;
            }
        }

        return x * Math.Log(x / m) + m - x;
    }

    /// <summary>log(n!) − log(√(2π) n^(n+½) e^(−n)), the error of Stirling's formula.</summary>
    private static double StirlingError(int n)
    {
        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        if (n <= 15)
        {
            // n! is exact in a double up to 18!, so the direct formula loses only a few ulps of log.
            var factorial = 1.0;
            for (var i = 2; i <= n; i++)
            {
                factorial *= i;
            }

            return Math.Log(factorial) - (n + 0.5) * Math.Log(n) + n - 0.5 * Math.Log(2 * Math.PI);
        }

        var nn = (double)n * n;
        return n switch
        {
            > 500 => (s0 - s1 / nn) / n,
            > 80 => (s0 - (s1 - s2 / nn) / nn) / n,
            > 35 => (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n,
            _ => (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n,
        };
    }

    /// <summary>floor(n·x) and n·x − floor(n·x), exactly (the product's rounding error recovered by a fused multiply-add).</summary>
    private static (int Whole, double Fraction) FloorAndFraction(int n, double x)
    {
        var product = n * x;
        var error = Math.FusedMultiplyAdd(n, x, -product);
        var whole = Math.Floor(product);
        var fraction = product - whole + error;
        if (fraction < 0)
        {
            whole -= 1;
            fraction += 1;
        }
        else if (fraction >= 1)
        {
            whole += 1;
            fraction -= 1;
        }

        return ((int)whole, fraction);
    }

    /// <summary>log(1 + x) without losing x's digits to the rounding of 1 + x (Goldberg's trick).</summary>
    private static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>eˣ − 1 without cancellation near 0 (Kahan's trick).</summary>
    private static double ExpMinusOne(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }
}
