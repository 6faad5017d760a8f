using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>An expectation being evaluated: sees each value of its column (if any), then gives its result.</summary>
internal abstract class Expectation(ExpectationSection spec, string? column)
{
    public ExpectationSection Spec { get; } = spec;

    /// <summary>The column it is about, or null for a table expectation.</summary>
    public string? Column { get; } = column;

    /// <summary>Whether it needs the column's values as numbers.</summary>
    public virtual bool NeedsNumbers => false;

    /// <summary>Whether it needs the column's numeric summary (mean, quantiles, …).</summary>
    public virtual bool NeedsSummary => false;

    public virtual void Observe(in Cell cell)
    {
    }

    public abstract ExpectationResult Finish(TableFacts facts);

    /// <summary>The result when the column is not in the file at all.</summary>
    public ExpectationResult NotInFile(string file) => Result(false, $"{Column}: no such column in {file}.");

    /// <summary>A result with the declaration's type, column, arguments, severity and location filled in.</summary>
    protected ExpectationResult Result(bool success, string summary) => new()
    {
        Expectation = Spec.Expect,
        Column = Column,
        Arguments = ArgumentsOf(Spec, Column),
        Success = success,
        Severity = Spec.Severity,
        Location = Spec.Location?.ToString() ?? "schema",
        Summary = summary,
    };

    protected static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    protected string Bounds() => (Spec.MinValue, Spec.MaxValue) switch
    {
        (null, null) => "any value",
        ({ } min, null) => $"{(Spec.StrictMin ? ">" : "≥")} {Format(min)}",
        (null, { } max) => $"{(Spec.StrictMax ? "<" : "≤")} {Format(max)}",
        ({ } min, { } max) => $"{(Spec.StrictMin ? "(" : "[")}{Format(min)}, {Format(max)}{(Spec.StrictMax ? ")" : "]")}",
    };

    protected bool WithinBounds(double value) =>
        (Spec.MinValue is not { } min || (Spec.StrictMin ? value > min : value >= min))
        && (Spec.MaxValue is not { } max || (Spec.StrictMax ? value < max : value <= max));

    private static Dictionary<string, object?> ArgumentsOf(ExpectationSection spec, string? column)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                arguments[key] = value;
            }
        }

        Add("column", column);
        Add("min_value", spec.MinValue);
        Add("max_value", spec.MaxValue);
        Add("strict_min", spec.StrictMin ? true : null);
        Add("strict_max", spec.StrictMax ? true : null);
        Add("value_set", spec.ValueSet);
        Add("regex", spec.Regex);
        Add("type_", spec.Type);
        Add("quantile_ranges", spec.QuantileRanges is { } q ? new { quantiles = q.Quantiles, value_ranges = q.ValueRanges } : null);
        Add("mostly", spec.Mostly);
        return arguments;
    }
}
