namespace MlOps.Models.Drift;

/// <summary>
/// Exact two-sided p-values of the two-sample Kolmogorov–Smirnov statistic, by counting the monotone
/// lattice paths from (0, 0) to (m, n) that leave the band |x/m − y/n| &lt; h / lcm(m, n)
/// (Hodges 1958, after Drion, Gnedenko and Korolyuk), with the same recurrences scipy 1.10 uses so
/// that the rounding agrees too.
/// </summary>
internal static class SmirnovLatticePaths
{
    /// <summary>
    /// P(D ≥ h/n) for two samples of n values each (scipy's <c>_compute_prob_outside_square</c>):
    /// 2 Σ (−1)^(k−1) C(2n, n − kh) / C(2n, n), each ratio of binomials a product of h factors,
    /// nested Horner-fashion from the innermost k so that the alternating sum does not cancel.
    /// </summary>
    public static double OutsideSquare(int n, int h)
    {
        var p = 0.0;
        for (var k = n / h; k >= 0; k--)
        {
            var ratio = 1.0;
            for (var j = 0; j < h; j++)
            {
                ratio = (double)(n - k * h - j) * ratio / (n + k * h + j + 1);
            }

            p = ratio * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// P(D ≥ h/lcm) for samples of m ≠ n values with gcd g (scipy's <c>_compute_outer_prob_inside_method</c>):
    /// walks the grid column by column keeping only the window of rows inside the band, and carries
    /// 1 − (paths inside) / C(x + y, y) rather than the count, as Viehmann (2021) recommends, so
    /// nothing overflows and small p-values keep their digits.
    /// </summary>
    public static double OutsideBand(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        var minj = 0L;
        var maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var length = maxj - minj;
        var column = new double[Math.Min(2 * maxj + 2, n + 1)];
        Array.Fill(column, 1.0);
        Array.Fill(column, 0.0, (int)minj, (int)(maxj - minj));
        for (var i = 1L; i <= m; i++)
        {
            var (lastMinj, lastLength) = (minj, length);
            minj = Math.Min(Math.Max((long)Math.Floor((double)(ng * i - h) / mg) + 1, 0), n);
            maxj = Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            var value = minj == 0 ? 0.0 : 1.0;
            for (var jj = 0L; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                value = (column[jj + minj - lastMinj] * i + value * j) / (i + j);
                column[jj] = value;
            }

            length = maxj - minj;
            if (lastLength > length)
            {
                // Rows that just left the window above it are outside the band from here on.
                Array.Fill(column, 1.0, (int)length, (int)Math.Min(lastLength - length, column.Length - length));
            }
        }

        return column[maxj - minj - 1];
    }
}
