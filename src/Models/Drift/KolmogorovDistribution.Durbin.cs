namespace MlOps.Models.Drift;

internal static partial class KolmogorovDistribution
{
    /// <summary>
    /// P(Dₙ ≤ d) by Durbin's matrix (Marsaglia, Tsang and Wang 2003): the k-th diagonal element of
    /// Hⁿ times n!/nⁿ, for d = (k − h)/n and H of order 2k − 1; values kept as a double and a power of 2
    /// so that neither the power nor n!/nⁿ overflows.
    /// </summary>
    private static double Durbin(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var m = 2 * k - 1;
        var (p, exponent) = DiagonalOfPower(DurbinMatrix(m, k - nd), n, k - 1, m);
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < TwoPowerMinus128)
            {
                p *= TwoPower128;
                exponent -= 128;
            }
        }

        return Clip(exponent != 0 ? Math.ScaleB(p, exponent) : p);
    }

    /// <summary>
    /// Element (<paramref name="diagonal"/>, <paramref name="diagonal"/>) of matrixⁿ as a value and a power
    /// of 2, by squaring; the squares are rescaled by 2¹²⁸ whenever that element grows past it.
    /// </summary>
    private static (double Value, int Exponent) DiagonalOfPower(double[] matrix, int n, int diagonal, int m)
    {
        var power = Identity(m);
        var (exponent, matrixExponent) = (0, 0);
        for (var remaining = n; remaining > 0; remaining /= 2)
        {
            if (remaining % 2 == 1)
            {
                power = Multiply(power, matrix, m);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix, m);
            matrixExponent *= 2;
            if (Math.Abs(matrix[diagonal * m + diagonal]) > TwoPower128)
            {
                for (var i = 0; i < matrix.Length; i++)
                {
                    matrix[i] /= TwoPower128;
                }

                matrixExponent += 128;
            }
        }

        return (power[diagonal * m + diagonal], exponent);
    }

    /// <summary>
    /// H: ones over (j − i + 1)! on and above the sub-diagonal, the first column (1 − hʲ)/j!, the last
    /// row the first column reversed, and the corner (1 + max(2h − 1, 0)ᵐ − 2hᵐ)/m!.
    /// </summary>
    private static double[] DurbinMatrix(int m, double h)
    {
        var first = new double[m];
        var inverseFactorials = new double[m];
        var factorial = 1.0;
        for (var j = 1; j <= m; j++)
        {
            inverseFactorials[j - 1] = factorial;
            factorial /= j;
            first[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
        }

        var corner = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        first[m - 1] = (1.0 + corner) * factorial;
        var matrix = new double[m * m];
        for (var column = 1; column < m; column++)
        {
            for (var row = column - 1; row < m; row++)
            {
                matrix[row * m + column] = inverseFactorials[row - column + 1];
            }
        }

        for (var row = 0; row < m; row++)
        {
            matrix[row * m] = first[row];
            matrix[(m - 1) * m + row] = first[m - 1 - row];
        }

        return matrix;
    }

    private static double[] Identity(int m)
    {
        var identity = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            identity[i * m + i] = 1.0;
        }

        return identity;
    }

    private static double[] Multiply(double[] left, double[] right, int m)
    {
        var product = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var a = left[i * m + k];
                if (a == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    product[i * m + j] += a * right[k * m + j];
                }
            }
        }

        return product;
    }
}
