namespace MlOps.Tasks.Staging;

/// <summary>What BiasCheck found, and whether staging moved.</summary>
public sealed record BiasCheckOutcome
{
    /// <summary>The gate passed before on the same inputs and was not checked again.</summary>
    public bool Reused { get; init; }

    /// <summary>One line for the build summary.</summary>
    public required string Note { get; init; }

    /// <summary>The selection rates of each group, one line per attribute (and their intersection).</summary>
    public IReadOnlyList<string> Rates { get; init; } = [];

    /// <summary>The limits exceeded, one sentence each with the line of its limit.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>The failure to report when a limit was exceeded and <c>--report-only</c> was not given, else null.</summary>
    public string? Refusal { get; init; }
}
