namespace MlOps.Tasks.Pipeline;

/// <summary>
/// One entry of <c>expectations</c>: a Great Expectations expectation by its GX name, with GX's
/// keyword arguments as keys (<c>column</c>, <c>min_value</c>, <c>value_set</c>, <c>mostly</c>, …).
/// </summary>
public sealed record ExpectationSection : PipelineSection
{
    /// <summary>The GX expectation type, e.g. <c>expect_column_values_to_not_be_null</c>.</summary>
    public required string Expect { get; init; }

    /// <summary>The column, or <c>*</c> for every column of the schema.</summary>
    public string? Column { get; init; }

    /// <summary>Lower bound (inclusive unless <see cref="StrictMin"/>); absent means open.</summary>
    public double? MinValue { get; init; }

    /// <summary>Upper bound (inclusive unless <see cref="StrictMax"/>); absent means open.</summary>
    public double? MaxValue { get; init; }

    /// <summary>Exclude the lower bound.</summary>
    public bool StrictMin { get; init; }

    /// <summary>Exclude the upper bound.</summary>
    public bool StrictMax { get; init; }

    /// <summary>Allowed values.</summary>
    public IReadOnlyList<string>? ValueSet { get; init; }

    /// <summary>A .NET regular expression, searched (not anchored) in each value.</summary>
    public string? Regex { get; init; }

    /// <summary>Type name for <c>expect_column_values_to_be_of_type</c>: int, float, str or bool.</summary>
    public string? Type { get; init; }

    /// <summary>For <c>expect_column_quantile_values_to_be_between</c>.</summary>
    public QuantileRangesSection? QuantileRanges { get; init; }

    /// <summary>Share of (non-null) values that must meet the expectation, in [0, 1].</summary>
    public double? Mostly { get; init; }

    /// <summary><c>error</c> fails the build (exit 3); <c>warning</c> is reported only.</summary>
    public Severity Severity { get; init; } = Severity.Error;
}
