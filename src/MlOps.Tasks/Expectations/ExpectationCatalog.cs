using System.Text.RegularExpressions;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// The supported Great Expectations by GX name: checks each declaration's arguments (with the
/// pipeline file's line and column) and builds the expectations, expanding the <c>*</c> column.
/// </summary>
internal static class ExpectationCatalog
{
    private static readonly string[] Bounds = ["min_value", "max_value", "strict_min", "strict_max"];

    private static readonly Dictionary<string, (string[] Keys, Func<ExpectationSection, string, Expectation> Create)> Supported = new(StringComparer.Ordinal)
    {
        ["expect_column_to_exist"] = ([], (s, c) => new ColumnExistsExpectation(s, c)),
        ["expect_column_values_to_not_be_null"] = (["mostly"], (s, c) => new NotNullExpectation(s, c)),
        ["expect_column_values_to_be_unique"] = (["mostly"], (s, c) => new UniqueExpectation(s, c)),
        ["expect_column_values_to_be_between"] = ([.. Bounds, "mostly"], (s, c) => new BetweenExpectation(s, c)),
        ["expect_column_values_to_be_in_set"] = (["value_set", "mostly"], (s, c) => new InSetExpectation(s, c)),
        ["expect_column_values_to_match_regex"] = (["regex", "mostly"], (s, c) => new RegexExpectation(s, c, Pattern(s.Regex!))),
        ["expect_column_value_lengths_to_be_between"] = ([.. Bounds, "mostly"], (s, c) => new ValueLengthExpectation(s, c)),
        ["expect_column_values_to_be_of_type"] = (["type", "mostly"], (s, c) => new OfTypeExpectation(s, c, s.Type!)),
        ["expect_column_mean_to_be_between"] = (Bounds, (s, c) => new AggregateExpectation(s, c, "mean")),
        ["expect_column_median_to_be_between"] = (Bounds, (s, c) => new AggregateExpectation(s, c, "median")),
        ["expect_column_stdev_to_be_between"] = (Bounds, (s, c) => new AggregateExpectation(s, c, "stdev")),
        ["expect_column_quantile_values_to_be_between"] = (["quantile_ranges"], (s, c) => new AggregateExpectation(s, c, "quantiles")),
        ["expect_column_distinct_values_to_be_in_set"] = (["value_set"], (s, c) => new DistinctValuesInSetExpectation(s, c)),
        ["expect_table_row_count_to_be_between"] = (Bounds, (s, _) => new RowCountExpectation(s)),
    };

    /// <summary>The GX names this build understands.</summary>
    public static IEnumerable<string> Names => Supported.Keys;

    /// <summary>Builds the declared expectations; <c>*</c> stands for every column of <paramref name="columns"/>.</summary>
    /// <exception cref="InvalidFileException">A declaration is not valid.</exception>
    public static IEnumerable<Expectation> Build(ExpectationSection spec, IReadOnlyList<string> columns)
    {
        Check(spec);
        var create = Supported[spec.Expect].Create;
        if (spec.Expect == "expect_table_row_count_to_be_between")
        {
            return [create(spec, "")];
        }

        return spec.Column == "*" ? columns.Select(c => create(spec, c)).ToList() : [create(spec, spec.Column!)];
    }

    // Linear-time matching, so no pattern can hang the build on a hostile value (a per-match timeout
    // costs more than the match); patterns it cannot run (backreferences, lookarounds) are compiled.
    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        }
    }

    private static void Check(ExpectationSection spec)
    {
        var at = spec.Location ?? new SourceLocation("pipeline", 1, 1);
        if (!Supported.TryGetValue(spec.Expect, out var entry))
        {
            var hint = Spelling.Closest(spec.Expect, Supported.Keys) is { } close ? $" Did you mean '{close}'?" : "";
            throw new InvalidFileException(spec.LocationOf("expect") ?? at,
                $"Unknown expectation '{spec.Expect}'.{hint} Supported: {string.Join(", ", Supported.Keys.Order(StringComparer.Ordinal))}.");
        }

        var table = spec.Expect == "expect_table_row_count_to_be_between";
        string[] allowed = [.. entry.Keys, "expect", "severity", .. table ? Array.Empty<string>() : ["column"]];
        if (spec.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } stray)
        {
            throw new InvalidFileException(spec.LocationOf(stray) ?? at,
                $"'{stray}' does not apply to {spec.Expect}; it takes {string.Join(", ", allowed.Where(k => k != "expect"))}.");
        }

        Require(!table && spec.Column is null, "needs 'column' (a column name, or '*' for all).");
        Require(entry.Keys.Contains("min_value") && spec.MinValue is null && spec.MaxValue is null, "needs 'min_value', 'max_value' or both.");
        Require(entry.Keys.Contains("value_set") && spec.ValueSet is null, "needs 'value_set'.");
        Require(entry.Keys.Contains("regex") && spec.Regex is null, "needs 'regex'.");
        Require(entry.Keys.Contains("type") && (spec.Type is null || !OfTypeExpectation.Types.ContainsKey(spec.Type)),
            $"needs 'type', one of {string.Join(", ", OfTypeExpectation.Types.Keys)}.");
        Require(entry.Keys.Contains("quantile_ranges")
            && (spec.QuantileRanges is not { } q || q.Quantiles.Count != q.ValueRanges.Count || q.ValueRanges.Any(r => r.Count != 2)),
            "needs 'quantile_ranges' with one [min, max] pair in 'value_ranges' for each of its 'quantiles'.");
        CheckValues(spec, at);

        void Require(bool missing, string problem)
        {
            if (missing)
            {
                throw new InvalidFileException(at, $"{spec.Expect} {problem}");
            }
        }
    }

    private static void CheckValues(ExpectationSection spec, SourceLocation at)
    {
        if (spec.Mostly is { } mostly && mostly is < 0 or > 1)
        {
            throw new InvalidFileException(spec.LocationOf("mostly") ?? at, $"'mostly' must be between 0 and 1, not {mostly}.");
        }

        if (spec.QuantileRanges?.Quantiles.FirstOrDefault(q => q is < 0 or > 1) is { } quantile && quantile is < 0 or > 1)
        {
            throw new InvalidFileException(spec.QuantileRanges.LocationOf("quantiles") ?? at, $"Quantiles must be between 0 and 1, not {quantile}.");
        }

        if (spec.Regex is { } pattern)
        {
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException e)
            {
                throw new InvalidFileException(spec.LocationOf("regex") ?? at, $"'regex' is not a valid regular expression: {e.Message}");
            }
        }
    }
}
