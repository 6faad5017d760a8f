namespace MlOps.Models.Drift;

/// <summary>
/// Sums as numpy's <c>np.sum</c> does for a contiguous float64 array (pairwise, eight running sums
/// in blocks of up to 128), so a statistic made of many terms agrees with scipy's to the last bits.
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    public static double Of(ReadOnlySpan<double> values)
    {
        if (values.Length < 8)
        {
            var sum = 0.0;
            foreach (var value in values)
            {
                sum += value;
            }

            return sum;
        }

        if (values.Length <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < values.Length - (values.Length % 8); i += 8)
            {
                for (var k = 0; k < 8; k++)
                {
                    r[k] += values[i + k];
                }
            }

            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < values.Length; i++)
            {
                res += values[i];
            }

            return res;
        }

        var half = values.Length / 2;
        half -= half % 8;
        return Of(values[..half]) + Of(values[half..]);
    }
}
