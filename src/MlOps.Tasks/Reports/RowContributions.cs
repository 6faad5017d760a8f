namespace MlOps.Tasks.Reports;

/// <summary>Per-prediction feature contributions of one example row (ML.NET's FeatureContributionCalculator).</summary>
/// <param name="Why">Why this row was picked, e.g. "highest score".</param>
/// <param name="Id">The row's id, or its line in the data file when the schema has no id column.</param>
/// <param name="Score">The model's probability of the positive class.</param>
/// <param name="Contributions">Contribution per input column (slots summed), largest magnitude first.</param>
public sealed record RowContributions(string Why, string Id, double Score, IReadOnlyList<KeyValuePair<string, double>> Contributions);
