namespace MlOps.Tasks.Reports;

/// <summary>What explains the model: global permutation importance and, when the trainer supports it, per-row contributions.</summary>
/// <param name="Permutations">Permutations per slot behind each importance.</param>
/// <param name="Rows">Held-out rows the importance was measured on: a seeded sample of them, or all when there are few.</param>
/// <param name="HeldOutRows">All the held-out rows, which the example rows are picked from.</param>
/// <param name="Seed">The seed of the sample and of the permutations (the pipeline's training seed).</param>
/// <param name="Importance">One entry per input column, most important first.</param>
/// <param name="Examples">Example rows with their contributions; empty when the trainer cannot attribute.</param>
/// <param name="ContributionsNote">Why there are no contributions, when there are none.</param>
/// <param name="RowName">What an example's <see cref="RowContributions.Id"/> is: "row" for an id, "line" for the data file's line.</param>
public sealed record Explanation(int Permutations, int Rows, int HeldOutRows, int Seed, IReadOnlyList<ColumnImportance> Importance,
    IReadOnlyList<RowContributions> Examples, string? ContributionsNote, string RowName = "row")
{
    /// <summary>Which rows, in words: "1,000 of the 4,000 held-out rows (a sample, seed 42)" or "all 800 held-out rows".</summary>
    public string RowsShown => Rows < HeldOutRows
        ? FormattableString.Invariant($"{Rows:N0} of the {HeldOutRows:N0} held-out rows (a sample, seed {Seed})")
        : FormattableString.Invariant($"all {HeldOutRows:N0} held-out rows");
}
