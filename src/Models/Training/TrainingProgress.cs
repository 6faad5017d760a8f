namespace MlOps.Models.Training;

/// <summary>Where training stands, for a progress display.</summary>
/// <param name="Phase">What is happening, in words: "fold 2 of 5", "fitting", "evaluating".</param>
/// <param name="Step">Steps done.</param>
/// <param name="Steps">Steps in all.</param>
public sealed record TrainingProgress(string Phase, int Step, int Steps);
