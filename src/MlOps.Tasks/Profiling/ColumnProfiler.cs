using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Profiling;

/// <summary>Builds one column's profile while the table streams by.</summary>
internal sealed class ColumnProfiler(string name, ColumnType type)
{
    private static readonly double[] Probabilities = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

    private readonly CategoryCounter? categories = type is ColumnType.Categorical or ColumnType.Boolean ? new CategoryCounter() : null;
    private long count;
    private long missing;

    /// <summary>The numbers, for a numeric column; shared with the expectations on it.</summary>
    public NumericSummary? Numbers { get; } = type == ColumnType.Numeric ? new NumericSummary() : null;

    public void Add(ReadOnlySpan<char> text, bool isMissing, double? number)
    {
        if (isMissing)
        {
            missing++;
            return;
        }

        count++;
        if (number is { } value)
        {
            Numbers?.Add(value);
        }

        categories?.Add(text);
    }

    public ColumnProfile Build()
    {
        var profile = new ColumnProfile { Name = name, Type = type.ToString().ToLowerInvariant(), Count = count, Missing = missing };
        if (Numbers is { Count: > 0 } numbers)
        {
            var deciles = Enumerable.Range(0, 11).Select(i => numbers.Quantile(i / 10.0)).Distinct().ToList();
            profile = profile with
            {
                Min = numbers.Min,
                Max = numbers.Max,
                Mean = numbers.Mean,
                Stdev = numbers.Count > 1 ? numbers.StandardDeviation : null,
                Quantiles = Probabilities.ToDictionary(p => p.ToString(CultureInfo.InvariantCulture), numbers.Quantile),
                Histogram = deciles.Count > 1 ? new Histogram(deciles, numbers.Histogram(deciles)) : null,
                Approximate = numbers.IsApproximate,
            };
        }

        if (categories is not null)
        {
            profile = profile with
            {
                Frequencies = categories.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary(),
                OtherCount = categories.Other > 0 ? categories.Other : null,
            };
        }

        return profile;
    }
}
