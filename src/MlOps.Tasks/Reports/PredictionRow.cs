namespace MlOps.Tasks.Reports;

/// <summary>One line of predictions.csv: a held-out row, its label, score, predicted class and protected attributes.</summary>
internal sealed record PredictionRow(string Id, bool Label, double Score, bool Predicted, IReadOnlyList<string> Attributes);
