using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Expectations;

/// <summary>The outcome of validating a table: every expectation's result (schema checks first) and the profile.</summary>
public sealed record ValidationReport(string File, long Rows, IReadOnlyList<ExpectationResult> Results, DataProfile Profile, TimeSpan Duration)
{
    /// <summary>True when no expectation of severity error failed.</summary>
    public bool Success => !Failures.Any();

    /// <summary>Failed expectations that fail the build.</summary>
    public IEnumerable<ExpectationResult> Failures => Results.Where(r => !r.Success && r.Severity == Severity.Error);

    /// <summary>Failed expectations that are only reported.</summary>
    public IEnumerable<ExpectationResult> Warnings => Results.Where(r => !r.Success && r.Severity == Severity.Warning);
}
