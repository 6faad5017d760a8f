using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>Data drift over the monitored columns: each column's test, and whether the dataset drifted (Evidently's DatasetDriftMetric).</summary>
public sealed record DataDrift
{
    /// <summary>Where the reference rows came from.</summary>
    public required string Reference { get; init; }

    /// <summary>Where the current rows came from.</summary>
    public required string Current { get; init; }

    /// <summary>Reference rows.</summary>
    public required long ReferenceRows { get; init; }

    /// <summary>Current rows.</summary>
    public required long CurrentRows { get; init; }

    /// <summary>Each monitored column both samples hold, in schema order.</summary>
    public required IReadOnlyList<ColumnDrift> Columns { get; init; }

    /// <summary>Monitored columns the current data lacks (e.g. the label in a server's inputs).</summary>
    public required IReadOnlyList<string> NotInCurrent { get; init; }

    /// <summary>The share of tested columns from which the dataset counts as drifted.</summary>
    public required double DriftShare { get; init; }

    /// <summary>Columns tested (not skipped).</summary>
    public int Tested => Columns.Count(c => c.Skipped is null);

    /// <summary>Columns that drifted.</summary>
    public int Drifted => Columns.Count(c => c.Drift);

    /// <summary>Drifted over tested; 0 when nothing was tested.</summary>
    public double Share => Tested == 0 ? 0 : (double)Drifted / Tested;

    /// <summary>Whether the dataset drifted: the share of drifted columns reached <see cref="DriftShare"/>.</summary>
    public bool DatasetDrift => Tested > 0 && Share >= DriftShare;

    /// <summary>Compares <paramref name="current"/> with <paramref name="reference"/>, column by column, on every core.</summary>
    /// <exception cref="InvalidFileException">The reference lacks a monitored column, or the current data has none of them.</exception>
    /// <exception cref="UsageException">There is nothing to compare: no monitored column, or none with values on both sides.</exception>
    public static DataDrift Compare(DriftSample reference, DriftSample current, MonitoringSection monitoring, IReadOnlyList<ColumnSection> monitored)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(monitored);
        CheckColumns(reference, current, monitored);
        var pairs = monitored
            .Where(c => reference.Columns.ContainsKey(c.Name) && current.Columns.ContainsKey(c.Name))
            .ToList();
        var results = new ColumnDrift[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var column = pairs[i];
            results[i] = ColumnDriftTest.Run(reference.Columns[column.Name], current.Columns[column.Name], MethodFor(monitoring, column));
        });
        if (results.All(r => r.Skipped is not null))
        {
            throw new UsageException($"Monitor tested no column ({string.Join("; ", results.Select(r => $"{r.Column}: {r.Skipped}"))}); "
                + "it needs values of a monitored column in both the reference and the current data.");
        }

        return new DataDrift
        {
            Reference = reference.Source,
            Current = current.Source,
            ReferenceRows = reference.Rows,
            CurrentRows = current.Rows,
            Columns = results,
            NotInCurrent = [.. monitored.Where(c => reference.Columns.ContainsKey(c.Name) && !current.Columns.ContainsKey(c.Name)).Select(c => c.Name)],
            DriftShare = monitoring.DriftShare,
        };
    }

    /// <summary>The columns Monitor tests: the schema's numeric, categorical and boolean columns not in monitoring.ignore.</summary>
    public static IReadOnlyList<ColumnSection> MonitoredColumns(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return [.. (pipeline.Schema?.Columns ?? [])
            .Where(c => c.Type is ColumnType.Numeric or ColumnType.Categorical or ColumnType.Boolean)
            .Where(c => !pipeline.Monitoring.Ignore.Contains(c.Name, StringComparer.Ordinal))];
    }

    // Nothing tested is not a pass: every monitored column must be in the reference, and some in the current data.
    private static void CheckColumns(DriftSample reference, DriftSample current, IReadOnlyList<ColumnSection> monitored)
    {
        if (monitored.Count == 0)
        {
            throw new UsageException("Monitor has no column to compare: schema.columns has no numeric, categorical or boolean column outside monitoring.ignore.");
        }

        var lacking = monitored.Where(c => !reference.Columns.ContainsKey(c.Name)).Select(c => $"'{c.Name}'").ToList();
        if (lacking.Count > 0)
        {
            var (columns, them) = lacking.Count == 1 ? ($"column {lacking[0]}", "it") : ($"columns {string.Join(", ", lacking)}", "them");
            throw Refusal(reference, $"the reference has no {columns}, which Monitor compares; "
                + $"pass --reference=<the CSV the deployed version was trained on>, or list {them} in monitoring.ignore.");
        }

        if (!monitored.Any(c => current.Columns.ContainsKey(c.Name)))
        {
            var names = string.Join(", ", monitored.Select(c => c.Name));
            throw Refusal(current, $"the current data has none of the columns Monitor compares ({names}); "
                + $"{(current.Header is null ? "send rows with these columns" : "name them in its header as schema.columns does")}.");
        }
    }

    private static Exception Refusal(DriftSample sample, string problem) =>
        sample.Header is { } header ? new InvalidFileException(header, problem) : new UsageException($"{sample.Source}: {problem}");

    private static DriftMethodSection? MethodFor(MonitoringSection monitoring, ColumnSection column) =>
        monitoring.Columns.GetValueOrDefault(column.Name)
        ?? (column.Type == ColumnType.Numeric ? monitoring.Numeric : monitoring.Categorical);
}
