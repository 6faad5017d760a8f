namespace MlOps.Models.Drift;

internal static partial class KolmogorovDistribution
{
    /// <summary>
    /// P(Dₙ ≤ x) by Pomeranz's recursion (1974): 2n + 1 rows, each the previous one convolved with
    /// truncated Poisson weights of g/n, 2g/n or (1 − 2g)/n (g the distance of nx to the nearest
    /// integer), keeping only the few entries that can be non-zero; the answer is n! times the last.
    /// </summary>
    private static double Pomeranz(int n, double x)
    {
        var t = n * x;
        var whole = (int)Math.Floor(t);
        var f = 1.0 * (t - whole);
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var powers = 2 * (whole + 1);
        var gPower = PoissonWeights(powers, g / n);
        var twoGPower = PoissonWeights(powers, 2 * g / n);
        var oneMinusTwoGPower = PoissonWeights(powers, (1 - 2 * g) / n);
        var exponent = 0;
        var previous = new double[powers];
        var current = new double[powers];
        current[0] = 1;
        var (previousStart, currentStart) = (0, 0);
        var (j1, _) = RowBounds(0, n, whole, ceilF, roundF);
        for (var i = 1; i < 2 * n + 2; i++)
        {
            var k1 = j1;
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
            Array.Clear(current);
            (j1, var j2) = RowBounds(i, n, whole, ceilF, roundF);
            var weights = i == 1 || i == 2 * n + 1 ? gPower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            if (j2 - k1 + 1 > 0)
            {
                exponent += NextRow(previous, k1 - previousStart, weights, (k1, j1, j2), current);
                currentStart = previousStart + j1 - k1;
            }
        }

        var answer = current[n - currentStart];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > TwoPower128)
            {
                answer *= TwoPowerMinus128;
                exponent += 128;
            }

            answer *= m;
        }

        return Clip(exponent != 0 ? Math.ScaleB(answer, exponent) : answer);
    }

    /// <summary>
    /// Fills <paramref name="current"/> with entries j1 … j2 of the previous row (stored from entry k1, at
    /// <paramref name="from"/>) convolved with the weights; rescales a row about to underflow by 2¹²⁸ and
    /// returns the change of exponent.
    /// </summary>
    private static int NextRow(double[] previous, int from, double[] weights, (int K1, int J1, int J2) entries, double[] current)
    {
        var length = entries.J2 - entries.K1 + 1;
        var row = previous.AsSpan(from, Math.Min(length, previous.Length - from));
        var weight = weights.AsSpan(0, Math.Min(length, weights.Length));
        for (var c = 0; c < entries.J2 - entries.J1 + 1; c++)
        {
            current[c] = Convolution(row, weight, entries.J1 - entries.K1 + c);
        }

        var largest = current.Max();
        if (largest > 0 && largest < TwoPowerMinus128)
        {
            for (var c = 0; c < current.Length; c++)
            {
                current[c] *= TwoPower128;
            }

            return -128;
        }

        return 0;
    }

    /// <summary>(rate)ᵐ / m! for m = 0 … count − 1: Poisson probabilities without the e^(−rate).</summary>
    private static double[] PoissonWeights(int count, double rate)
    {
        var weights = new double[count];
        weights[0] = 1.0;
        for (var m = 1; m < count; m++)
        {
            weights[m] = weights[m - 1] * rate / m;
        }

        return weights;
    }

    /// <summary>Entry <paramref name="index"/> of the full convolution of <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static double Convolution(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int index)
    {
        var sum = 0.0;
        for (var i = Math.Max(0, index - b.Length + 1); i <= Math.Min(index, a.Length - 1); i++)
        {
            sum += a[i] * b[index - i];
        }

        return sum;
    }

    /// <summary>The first and last entries of row <paramref name="i"/> that can be non-zero.</summary>
    private static (int J1, int J2) RowBounds(int i, int n, int whole, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            (j1, j2) = (-whole - ceilF - 1, whole + ceilF - 1);
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                (j1, j2) = half == n + 1
                    ? (n - whole - ceilF - 1, n + whole + ceilF - 1)
                    : (half - 1 - whole - roundF - 1, half + whole - 1 + ceilF - 1);
            }
            else
            {
                (j1, j2) = (half - 1 - whole - 1, half + whole + roundF - 1);
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
