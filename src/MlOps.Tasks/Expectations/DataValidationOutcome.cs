namespace MlOps.Tasks.Expectations;

/// <summary>What ValidateData found, or that it reused the last validation.</summary>
public sealed record DataValidationOutcome
{
    /// <summary>The table, the pipeline and the code are as when it last passed: nothing was read.</summary>
    public bool Reused { get; init; }

    /// <summary>One line for the build summary: rows, expectations passed, warnings.</summary>
    public required string Note { get; init; }

    /// <summary>The results, when the table was read.</summary>
    public ValidationReport? Report { get; init; }

    /// <summary>The failure to report when an expectation failed, else null.</summary>
    public string? Refusal { get; init; }
}
