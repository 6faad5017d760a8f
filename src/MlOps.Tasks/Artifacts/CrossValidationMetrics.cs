namespace MlOps.Tasks.Artifacts;

/// <summary>The cross-validation summary in metrics.json.</summary>
/// <param name="Folds">How many folds.</param>
/// <param name="Mean">Each metric's mean over the folds, by name.</param>
/// <param name="Std">Each metric's sample standard deviation over the folds, by name.</param>
public sealed record CrossValidationMetrics(int Folds, IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std);
