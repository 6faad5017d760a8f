namespace MlOps.Tasks.Profiling;

/// <summary>
/// The profile of one column as ValidateData records it: counts, and for numbers the
/// moments, quantiles and a histogram over the reference deciles; for categories their frequencies.
/// </summary>
public sealed record ColumnProfile
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its schema type (numeric, categorical, text, boolean, id).</summary>
    public required string Type { get; init; }

    /// <summary>Non-null values.</summary>
    public long Count { get; init; }

    /// <summary>Null values.</summary>
    public long Missing { get; init; }

    /// <summary>Smallest number.</summary>
    public double? Min { get; init; }

    /// <summary>Largest number.</summary>
    public double? Max { get; init; }

    /// <summary>Mean of the numbers.</summary>
    public double? Mean { get; init; }

    /// <summary>Sample standard deviation of the numbers.</summary>
    public double? Stdev { get; init; }

    /// <summary>Quantiles (numpy "nearest") by probability: 0.01, 0.05, 0.1, …, 0.99.</summary>
    public IReadOnlyDictionary<string, double>? Quantiles { get; init; }

    /// <summary>Bins at the reference deciles (the credit-scoring convention), for PSI.</summary>
    public Histogram? Histogram { get; init; }

    /// <summary>Whether quantiles and histogram come from a uniform sample (more than a million numbers).</summary>
    public bool Approximate { get; init; }

    /// <summary>Count of each category (at most 10 000 distinct; the rest in <see cref="OtherCount"/>).</summary>
    public IReadOnlyDictionary<string, long>? Frequencies { get; init; }

    /// <summary>Values beyond the distinct-category limit.</summary>
    public long? OtherCount { get; init; }
}
