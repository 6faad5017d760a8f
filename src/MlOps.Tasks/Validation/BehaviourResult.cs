
namespace MlOps.Tasks.Validation;

/// <summary>The outcome of one behavioural test.</summary>
/// <param name="Name">The test's name from the pipeline file.</param>
/// <param name="Kind">invariance, directional or minimum_functionality.</param>
/// <param name="Rows">Rows (or cases) tested.</param>
/// <param name="Failures">Rows that failed.</param>
/// <param name="MaxFailureRate">The share of failing rows allowed.</param>
/// <param name="Examples">A few failing rows: what changed and how the score moved.</param>
/// <param name="Location">Where the test is written.</param>
public sealed record BehaviourResult(string Name, string Kind, int Rows, int Failures, double MaxFailureRate,
    IReadOnlyList<string> Examples, SourceLocation? Location)
{
    /// <summary>Failing rows as a share of rows tested.</summary>
    public double FailureRate => Rows == 0 ? 0 : (double)Failures / Rows;

    /// <summary>Whether the failure rate is within the allowed one.</summary>
    public bool Passed => FailureRate <= MaxFailureRate;
}
