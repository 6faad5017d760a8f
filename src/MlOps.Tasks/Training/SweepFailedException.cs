namespace MlOps.Tasks.Training;

/// <summary>Every trial of a sweep failed, so there is no model to refit (exit code 1).</summary>
public sealed class SweepFailedException(string message) : Exception(message);
