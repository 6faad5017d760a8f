namespace MlOps.Tasks.Artifacts;

/// <summary>One behavioural test as Validate ran it, in metrics.json.</summary>
/// <param name="Name">The test's name.</param>
/// <param name="Kind">invariance, directional or minimum functionality.</param>
/// <param name="Rows">Rows tested.</param>
/// <param name="Failures">Rows that failed.</param>
/// <param name="FailureRate">Failures as a share of rows.</param>
/// <param name="MaxFailureRate">The share allowed.</param>
/// <param name="Passed">Whether the test passed.</param>
/// <param name="Examples">A few failing rows.</param>
public sealed record BehaviourSummary(string Name, string Kind, int Rows, int Failures, double FailureRate, double MaxFailureRate, bool Passed,
    IReadOnlyList<string> Examples);
