namespace MlOps.Tasks.Reports;

/// <summary>What explains the model: global permutation importance and, when the trainer supports it, per-row contributions.</summary>
/// <param name="Permutations">Permutations per slot behind each importance.</param>
/// <param name="Rows">Held-out rows the importance was measured on.</param>
/// <param name="Importance">One entry per input column, most important first.</param>
/// <param name="Examples">Example rows with their contributions; empty when the trainer cannot attribute.</param>
/// <param name="ContributionsNote">Why there are no contributions, when there are none.</param>
public sealed record Explanation(int Permutations, int Rows, IReadOnlyList<ColumnImportance> Importance,
    IReadOnlyList<RowContributions> Examples, string? ContributionsNote);
