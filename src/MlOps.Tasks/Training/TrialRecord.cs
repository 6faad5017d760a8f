namespace MlOps.Tasks.Training;

/// <summary>One trial of a sweep as the store records it, for ShowRun, Compare and the report.</summary>
/// <param name="Number">Its number, from 0.</param>
/// <param name="RunId">Its child run.</param>
/// <param name="State">running, finished, pruned or failed (killed when its build was).</param>
/// <param name="Params">The trainer and the searched values.</param>
/// <param name="Objective">The objective (the mean over the folds scored; for a pruned trial, where it stopped); null when failed.</param>
/// <param name="Steps">The folds scored.</param>
public sealed record TrialRecord(int Number, string RunId, string State, IReadOnlyDictionary<string, string> Params, double? Objective, int Steps);
