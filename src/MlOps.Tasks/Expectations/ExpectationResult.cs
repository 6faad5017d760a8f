using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>The outcome of one expectation, with the fields of a Great Expectations result.</summary>
public sealed record ExpectationResult
{
    /// <summary>The GX expectation type.</summary>
    public required string Expectation { get; init; }

    /// <summary>The column, for column expectations.</summary>
    public string? Column { get; init; }

    /// <summary>The keyword arguments as declared (GX's <c>kwargs</c>).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();

    /// <summary>Whether the expectation held.</summary>
    public required bool Success { get; init; }

    /// <summary>Whether a failure fails the build (error) or is only reported (warning).</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>Where the expectation is declared (pipeline file:line:column), or "schema".</summary>
    public string? Location { get; init; }

    /// <summary>Rows looked at.</summary>
    public long? ElementCount { get; init; }

    /// <summary>Null (missing) values among them.</summary>
    public long? MissingCount { get; init; }

    /// <summary>Null values as a percentage of all rows.</summary>
    public double? MissingPercent { get; init; }

    /// <summary>Values that broke the expectation.</summary>
    public long? UnexpectedCount { get; init; }

    /// <summary>Unexpected values as a percentage of the non-null values (of all rows for not_null).</summary>
    public double? UnexpectedPercent { get; init; }

    /// <summary>The measured value of an aggregate expectation (mean, row count, quantiles, …).</summary>
    public object? ObservedValue { get; init; }

    /// <summary>The first unexpected values (at most 20), in row order.</summary>
    public IReadOnlyList<UnexpectedValue> PartialUnexpected { get; init; } = [];

    /// <summary>One sentence for people: what was expected and what was found.</summary>
    public required string Summary { get; init; }
}
