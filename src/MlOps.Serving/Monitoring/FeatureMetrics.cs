using System.Collections.Concurrent;
using MlOps.Models.Schema;
using MlOps.Models.Tables;
using MlOps.Serving.Requests;
using Prometheus;

namespace MlOps.Serving.Monitoring;

/// <summary>
/// Per-feature summaries of the inputs, for drift monitoring: for numbers the count, missing count,
/// sum and sum of squares (mean and variance over any window); for categories a count per value,
/// at most <see cref="MaxCategories"/> values per feature, the rest counted as <c>__other__</c>.
/// </summary>
internal sealed class FeatureMetrics
{
    /// <summary>The most distinct values counted per categorical feature: label values are series, and series cost memory.</summary>
    public const int MaxCategories = 50;

    /// <summary>The longest value kept as a label; longer ones are cut (a client's text must not grow the scrape).</summary>
    public const int MaxValueLength = 64;

    private readonly Dictionary<string, Numeric> numbers = [];
    private readonly Dictionary<string, Categorical> categories = [];

    public FeatureMetrics(MetricFactory metrics, InputLayout layout)
    {
        var values = metrics.CreateCounter("mlops_feature_values_total", "Values received per feature, missing ones included.", ["feature"]);
        var missing = metrics.CreateCounter("mlops_feature_missing_total", "Missing values received per feature.", ["feature"]);
        var sum = metrics.CreateGauge("mlops_feature_sum", "Sum of the present values of a numeric feature.", ["feature"]);
        var squares = metrics.CreateGauge("mlops_feature_sum_squares", "Sum of the squares of the present values of a numeric feature.", ["feature"]);
        var category = metrics.CreateCounter("mlops_feature_category_total", $"Values received per categorical feature and value (the first {MaxCategories} values; later ones as __other__).", ["feature", "value"]);
        foreach (var column in layout.Columns.Where(c => c.Kind is not (ColumnKind.Id or ColumnKind.Text)))
        {
            var (count, absent) = (values.WithLabels(column.Name), missing.WithLabels(column.Name));
            if (column.IsNumber)
            {
                numbers[column.Name] = new Numeric(count, absent, sum.WithLabels(column.Name), squares.WithLabels(column.Name));
            }
            else
            {
                categories[column.Name] = new Categorical(count, absent, value => category.WithLabels(column.Name, value));
            }
        }
    }

    /// <summary>Adds the rows of one request.</summary>
    public void Observe(TableData rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var column in rows.Columns)
        {
            if (column is NumberColumn number && numbers.TryGetValue(column.Name, out var numeric))
            {
                numeric.Observe(number.Values);
            }
            else if (column is TextColumn text && categories.TryGetValue(column.Name, out var categorical))
            {
                categorical.Observe(text.Values);
            }
        }
    }

    private sealed record Numeric(Counter.Child Count, Counter.Child Missing, Gauge.Child Sum, Gauge.Child Squares)
    {
        public void Observe(IReadOnlyList<float> values)
        {
            var (missing, sum, squares) = (0, 0d, 0d);
            // Over the array itself: an enumerator through the interface is an allocation per column and request.
            foreach (var value in values as float[] ?? [.. values])
            {
                if (float.IsNaN(value))
                {
                    missing++;
                }
                else
                {
                    sum += value;
                    squares += (double)value * value;
                }
            }

            Count.Inc(values.Count);
            Missing.Inc(missing);
            Sum.Inc(sum);
            Squares.Inc(squares);
        }
    }

    private sealed class Categorical(Counter.Child count, Counter.Child missing, Func<string, Counter.Child> child)
    {
        private readonly ConcurrentDictionary<string, Counter.Child> seen = new(StringComparer.Ordinal);

        public void Observe(IReadOnlyList<string> values)
        {
            count.Inc(values.Count);
            foreach (var value in values as string[] ?? [.. values])
            {
                if (value.Length == 0)
                {
                    missing.Inc();
                }
                else
                {
                    Child(value).Inc();
                }
            }
        }

        private Counter.Child Child(string value) =>
            seen.TryGetValue(value, out var known) ? known
            : seen.Count < MaxCategories ? seen.GetOrAdd(value.Length > MaxValueLength ? value[..MaxValueLength] : value, child)
            : seen.GetOrAdd("__other__", child);
    }
}
