namespace MlOps.Tasks.Containers;

/// <summary>What a smoke test of a model image saw.</summary>
/// <param name="Port">The loopback port the container listened on.</param>
/// <param name="Healthy">How long after start /health answered 200.</param>
/// <param name="Invocations">The body /invocations answered the sample rows with (JSON).</param>
public sealed record SmokeTestResult(int Port, TimeSpan Healthy, string Invocations);
