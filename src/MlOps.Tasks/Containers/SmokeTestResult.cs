namespace MlOps.Tasks.Containers;

/// <summary>What a smoke test of a model image saw.</summary>
/// <param name="Healthy">How long after start /health answered 200.</param>
/// <param name="Invocations">The body /invocations answered the sample rows with (JSON); null when no rows were sent.</param>
public sealed record SmokeTestResult(TimeSpan Healthy, string? Invocations);
