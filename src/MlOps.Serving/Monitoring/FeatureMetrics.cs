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
/// Requests add to their thread's <see cref="FeatureTally"/>, without locks or atomic operations
/// (with them, ~70 contended updates per request); the metrics are summed from the tallies when read.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per server, living as long as the process; the thread-local holds only counts.")]
internal sealed class FeatureMetrics
{
    /// <summary>The most distinct values counted per categorical feature: label values are series, and series cost memory.</summary>
    public const int MaxCategories = 50;

    /// <summary>The longest value kept as a label; longer ones are cut (a client's text must not grow the scrape).</summary>
    public const int MaxValueLength = 64;

    private const int Other = MaxCategories;

    private readonly InputColumn[] summarised;
    private readonly Counter values;
    private readonly Counter missing;
    private readonly Gauge sum;
    private readonly Gauge squares;
    private readonly Counter category;
    private readonly ConcurrentDictionary<string, int>[] slots;
    private readonly string?[][] slotValues;
    private readonly ThreadLocal<FeatureTally> tally;
    private readonly ConcurrentQueue<FeatureTally> live = new();
    private readonly FeatureTally retired;
    private readonly Lock publishing = new();
    private readonly Lock naming = new();

    public FeatureMetrics(MetricFactory metrics, CollectorRegistry registry, InputLayout layout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        values = metrics.CreateCounter("mlops_feature_values_total", "Values received per feature, missing ones included.", ["feature"]);
        missing = metrics.CreateCounter("mlops_feature_missing_total", "Missing values received per feature.", ["feature"]);
        sum = metrics.CreateGauge("mlops_feature_sum", "Sum of the present values of a numeric feature.", ["feature"]);
        squares = metrics.CreateGauge("mlops_feature_sum_squares", "Sum of the squares of the present values of a numeric feature.", ["feature"]);
        category = metrics.CreateCounter("mlops_feature_category_total",
            $"Values received per categorical feature and value (the first {MaxCategories} values; later ones as __other__).", ["feature", "value"]);
        summarised = [.. layout.Columns.Where(c => c.Kind is not (ColumnKind.Id or ColumnKind.Text))];
        var columns = layout.Columns.Count;
        slots = [.. Enumerable.Range(0, columns).Select(_ => new ConcurrentDictionary<string, int>(StringComparer.Ordinal))];
        slotValues = [.. Enumerable.Range(0, columns).Select(_ => new string?[MaxCategories + 1])];
        retired = new FeatureTally(columns, MaxCategories + 1);
        tally = new(() =>
        {
            var mine = new FeatureTally(columns, MaxCategories + 1);
            live.Enqueue(mine);
            return mine;
        });
        foreach (var column in summarised)
        {
            // The series exist from the start, at 0, as they did when each request updated them.
            _ = values.WithLabels(column.Name);
            _ = missing.WithLabels(column.Name);
            if (column.IsNumber)
            {
                _ = sum.WithLabels(column.Name);
                _ = squares.WithLabels(column.Name);
            }

            slotValues[column.Index][Other] = "__other__";
        }

        registry.AddBeforeCollectCallback(Publish);
    }

    /// <summary>Adds the rows of one request to this thread's tally.</summary>
    public void Observe(TableData rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var mine = tally.Value!;
        foreach (var column in summarised)
        {
            if (rows.Columns[column.Index] is NumberColumn number)
            {
                Add(mine, column.Index, number.Values as float[] ?? [.. number.Values]);
            }
            else if (rows.Columns[column.Index] is TextColumn text)
            {
                Add(mine, column.Index, text.Values as string[] ?? [.. text.Values]);
            }
        }
    }

    private static void Add(FeatureTally mine, int column, float[] numbers)
    {
        var (absent, total, squared) = (0, 0d, 0d);
        foreach (var value in numbers)
        {
            if (float.IsNaN(value))
            {
                absent++;
            }
            else
            {
                total += value;
                squared += (double)value * value;
            }
        }

        mine.Count[column] += numbers.Length;
        mine.Missing[column] += absent;
        mine.Sum[column] += total;
        mine.Squares[column] += squared;
    }

    private void Add(FeatureTally mine, int column, string[] texts)
    {
        mine.Count[column] += texts.Length;
        foreach (var value in texts)
        {
            if (value.Length == 0)
            {
                mine.Missing[column]++;
            }
            else
            {
                mine.Categories[column][Slot(column, value)]++;
            }
        }
    }

    private int Slot(int column, string value)
    {
        var known = slots[column];
        if (known.TryGetValue(value, out var slot))
        {
            return slot;
        }

        if (known.Count >= MaxCategories)
        {
            return Other;
        }

        // A value not seen before, while there is room: rare, so a lock is no cost here.
        lock (naming)
        {
            var key = value.Length > MaxValueLength ? value[..MaxValueLength] : value;
            if (!known.TryGetValue(key, out slot))
            {
                if (known.Count >= MaxCategories)
                {
                    return Other;
                }

                slot = known.Count;
                slotValues[column][slot] = key;
                known[key] = slot;
            }

            return slot;
        }
    }

    /// <summary>Sums the tallies into the metrics, before /metrics is written.</summary>
    private void Publish()
    {
        lock (publishing)
        {
            var total = new FeatureTally(retired.Count.Length, MaxCategories + 1);
            total.Add(retired);
            foreach (var each in live.ToArray())
            {
                total.Add(each);
            }

            Retire();
            foreach (var column in summarised)
            {
                var (name, index) = (column.Name, column.Index);
                values.WithLabels(name).IncTo(total.Count[index]);
                missing.WithLabels(name).IncTo(total.Missing[index]);
                if (column.IsNumber)
                {
                    sum.WithLabels(name).Set(total.Sum[index]);
                    squares.WithLabels(name).Set(total.Squares[index]);
                    continue;
                }

                for (var slot = 0; slot <= MaxCategories; slot++)
                {
                    if (slotValues[column.Index][slot] is { } value && total.Categories[index][slot] > 0)
                    {
                        category.WithLabels(name, value).IncTo(total.Categories[index][slot]);
                    }
                }
            }
        }
    }

    /// <summary>Folds the tallies of threads that have ended into the retired totals, so their number stays that of live threads.</summary>
    private void Retire()
    {
        for (var remaining = live.Count; remaining > 0 && live.TryDequeue(out var each); remaining--)
        {
            if (each.Owner.IsAlive)
            {
                live.Enqueue(each);
            }
            else
            {
                retired.Add(each);
            }
        }
    }
}
