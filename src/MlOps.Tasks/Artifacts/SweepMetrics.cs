namespace MlOps.Tasks.Artifacts;

/// <summary>The sweep's summary in metrics.json, when Train swept: what it optimised, the trials by state and the best one.</summary>
/// <param name="Objective">The metric optimised, by cross-validation on the training rows.</param>
/// <param name="Direction">maximize or minimize.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Pruned">Trials stopped early.</param>
/// <param name="Failed">Trials that failed.</param>
/// <param name="BestTrial">The trial refit, by number.</param>
/// <param name="Best">Its objective, the mean over the folds.</param>
public sealed record SweepMetrics(string Objective, string Direction, int Trials, int Pruned, int Failed, int BestTrial, double Best);
