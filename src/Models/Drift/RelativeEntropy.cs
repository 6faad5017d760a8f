namespace MlOps.Models.Drift;

/// <summary>The pieces scipy builds its divergences from: normalising shares and <c>scipy.special.rel_entr</c>.</summary>
internal static class RelativeEntropy
{
    /// <summary>Shares divided by their (pairwise) sum, as <c>p / np.sum(p)</c>.</summary>
    public static double[] Normalized(IReadOnlyList<double> shares)
    {
        var values = shares.ToArray();
        var total = PairwiseSum.Of(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= total;
        }

        return values;
    }

    /// <summary>Σ rel_entr(pᵢ, qᵢ): pᵢ ln(pᵢ/qᵢ), 0 where pᵢ is 0, ∞ where only qᵢ is.</summary>
    public static double Sum(double[] p, double[] q)
    {
        var terms = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            terms[i] = (p[i], q[i]) switch
            {
                ( > 0, > 0) => p[i] * Math.Log(p[i] / q[i]),
                (0, >= 0) => 0,
                _ => double.PositiveInfinity,
            };
        }

        return PairwiseSum.Of(terms);
    }
}
