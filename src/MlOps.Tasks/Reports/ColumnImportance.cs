namespace MlOps.Tasks.Reports;

/// <summary>
/// Permutation feature importance of one input column: how much the held-out AUC drops when its
/// values are shuffled (positive: the model relies on it), over several permutations.
/// </summary>
/// <param name="Column">The input column of the schema.</param>
/// <param name="Slots">How many slots of the feature vector it has (one-hot values, missing flags); their drops are summed.</param>
/// <param name="AucDrop">Mean AUC drop, summed over the column's slots.</param>
/// <param name="StandardDeviation">Its spread over the permutations (slots taken as independent: the root of the summed variances).</param>
public sealed record ColumnImportance(string Column, int Slots, double AucDrop, double StandardDeviation);
