namespace MlOps.Tasks.Pipeline;

/// <summary>A protected attribute; a numeric one is grouped by explicit bins (never automatically).</summary>
public sealed record ProtectedSection : PipelineSection
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>Bin edges for a numeric column, ascending (e.g. 18, 25, 40, 65, 120).</summary>
    public IReadOnlyList<double> Bins { get; init; } = [];

    /// <summary>Which end of each bin is included: <c>left</c> for [a, b), <c>right</c> for (a, b].</summary>
    public BinClosed Closed { get; init; } = BinClosed.Left;
}
