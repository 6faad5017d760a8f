namespace MlOps.Models.Drift;

/// <summary>
/// The share of each sample's rows per bin, what Evidently's <c>get_binned_data</c> returns and PSI,
/// KL divergence and Jensen–Shannon distance compare.
/// </summary>
public sealed record BinnedShares
{
    /// <summary>The reference sample's share per bin; sums to 1.</summary>
    public required IReadOnlyList<double> Reference { get; init; }

    /// <summary>The current sample's share per bin, the bins in the same order; sums to 1.</summary>
    public required IReadOnlyList<double> Current { get; init; }

    /// <summary>
    /// The bin edges, lowest first, when numbers were cut into equal-width Sturges bins (bin i holds
    /// [edge i, edge i+1), the last one also its upper edge); empty when every bin is one value.
    /// </summary>
    public IReadOnlyList<double> Edges { get; init; } = [];

    /// <summary>
    /// The shares with every empty bin given a small share, as Evidently fills them before PSI and KL
    /// divergence (<c>feel_zeroes</c>): 0.0001, or the sample's smallest non-zero share / 10⁶ when that
    /// share is itself at most 0.0001. The shares then sum to a little more than 1.
    /// </summary>
    public BinnedShares WithZerosFilled() => this with { Reference = FillZeros(Reference), Current = FillZeros(Current) };

    private static double[] FillZeros(IReadOnlyList<double> shares)
    {
        var smallest = shares.Where(s => s != 0).DefaultIfEmpty(0).Min();
        var fill = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
        return [.. shares.Select(s => s == 0 ? fill : s)];
    }
}
