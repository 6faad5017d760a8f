using MlOps.Models.Drift;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>What Monitor found for one column: the test it ran, its score against the threshold, PSI, missing shares and the two histograms.</summary>
public sealed record ColumnDrift
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>numeric, categorical or boolean.</summary>
    public required ColumnType Type { get; init; }

    /// <summary>The test run.</summary>
    public required DriftMethod Method { get; init; }

    /// <summary>Whether the method was Evidently's default choice (else the pipeline file named it).</summary>
    public required bool IsDefault { get; init; }

    /// <summary>The p-value (ks, chisquare, z) or distance that is compared with <see cref="Threshold"/>.</summary>
    public required double Score { get; init; }

    /// <summary>The test statistic behind a p-value: D for ks, χ² for chisquare, z for z; null for distances.</summary>
    public double? Statistic { get; init; }

    /// <summary>Whether the p-value of ks came from the exact distribution (lattice paths) rather than the asymptotic one.</summary>
    public bool? Exact { get; init; }

    /// <summary>The threshold the score was compared with.</summary>
    public required double Threshold { get; init; }

    /// <summary>Whether the column drifted.</summary>
    public required bool Drift { get; init; }

    /// <summary>The population stability index over Evidently's bins, reported for every column.</summary>
    public required double Psi { get; init; }

    /// <summary>The PSI band: stable, moderate or major.</summary>
    public PsiBand PsiBand => PopulationStabilityIndex.Band(Psi);

    /// <summary>Present values in the reference.</summary>
    public required long ReferenceRows { get; init; }

    /// <summary>Present values in the current data.</summary>
    public required long CurrentRows { get; init; }

    /// <summary>The reference's share of rows without a value.</summary>
    public required double ReferenceMissing { get; init; }

    /// <summary>The current data's share of rows without a value.</summary>
    public required double CurrentMissing { get; init; }

    /// <summary>Rows of the current data whose value does not fit the column's type.</summary>
    public long CurrentInvalid { get; init; }

    /// <summary>The bins PSI used: labels (values, or numeric ranges) with the reference's and the current data's shares.</summary>
    public required IReadOnlyList<DriftBin> Bins { get; init; }

    /// <summary>Why the column was not tested (no values on one side), else null.</summary>
    public string? Skipped { get; init; }
}

/// <summary>One bin of a drift histogram.</summary>
/// <param name="Label">The value, or the range <c>[low, high)</c>.</param>
/// <param name="Reference">The reference's share of present values in the bin.</param>
/// <param name="Current">The current data's share.</param>
public sealed record DriftBin(string Label, double Reference, double Current);
