using System.Globalization;
using System.Text.Json;
using MlOps.Models.Audit;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>The monitored columns of one sample (the reference or the current data), read from a CSV file or an audit log.</summary>
public sealed class DriftSample
{
    private DriftSample(string source, IReadOnlyDictionary<string, ColumnSample> columns, long rows, SourceLocation? header = null) =>
        (Source, Columns, Rows, Header) = (source, columns, rows, header);

    /// <summary>Where the rows came from, as shown to the user.</summary>
    public string Source { get; }

    /// <summary>The monitored columns the sample holds, by name; columns the source lacks are absent.</summary>
    public IReadOnlyDictionary<string, ColumnSample> Columns { get; }

    /// <summary>Rows read.</summary>
    public long Rows { get; }

    /// <summary>Where the column names stand (a CSV file's header line), or null when the rows came from an audit log or a file without header.</summary>
    public SourceLocation? Header { get; }

    /// <summary>One warning per column with values that do not fit its type, naming the first; <paramref name="role"/> is "reference data" or "current data".</summary>
    public IEnumerable<string> InvalidValueWarnings(string role) =>
        Columns.Values.Where(c => c.Invalid > 0).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"Monitor: {c.Invalid:N0} value{(c.Invalid > 1 ? "s" : "")} of '{c.Name}' in the {role} {(c.Invalid > 1 ? "are" : "is")} "
            + $"not {(c.Type == ColumnType.Numeric ? "a number" : "true or false")} (first at {c.FirstInvalid}); set aside like missing values."));

    /// <summary>Reads the <paramref name="monitored"/> columns of a CSV file in the pipeline's dialect.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">Its name in messages.</param>
    /// <param name="pipeline">The pipeline: the CSV dialect and the schema's column order.</param>
    /// <param name="monitored">The columns to keep.</param>
    /// <exception cref="InvalidFileException">The file is not readable CSV, or has no rows; the message names line and cause.</exception>
    public static DriftSample FromCsv(string path, string file, PipelineDefinition pipeline, IReadOnlyList<ColumnSection> monitored)
    {
        var schemaColumns = pipeline.Schema?.Columns.Select(c => c.Name).ToList() ?? [];
        using var reader = TableReader.Open(path, file, pipeline.Data.Csv, schemaColumns);
        var missing = pipeline.Data.Csv.Missing;
        var present = monitored
            .Select(c => (Column: c, Index: IndexOf(reader.Columns, c.Name)))
            .Where(c => c.Index >= 0)
            .Select(c => (c.Index, Sample: new ColumnSample(c.Column.Name, c.Column.Type)))
            .ToList();
        var rows = 0L;
        while (reader.Read())
        {
            rows++;
            foreach (var (index, sample) in present)
            {
                var text = reader[index];
                if (IsMissing(text, missing))
                {
                    sample.AddMissing();
                }
                else
                {
                    sample.Add(text, file, reader.Line);
                }
            }
        }

        if (rows == 0)
        {
            throw new InvalidFileException(new SourceLocation(file, 2, 1), "the file has a header but no data rows; Monitor needs rows to compare.");
        }

        var header = pipeline.Data.Csv.Header ? new SourceLocation(file, 1, 1) : null;
        return new DriftSample(file, present.ToDictionary(c => c.Sample.Name, c => c.Sample, StringComparer.Ordinal), rows, header);
    }

    /// <summary>
    /// Reads the inputs a scoring server kept in its audit log (<c>monitoring.log_inputs</c>), optionally only
    /// those scored from <paramref name="since"/> on.
    /// </summary>
    /// <exception cref="UsageException">No record keeps its inputs.</exception>
    /// <exception cref="InvalidFileException">A record is not readable; the message names file and line.</exception>
    public static DriftSample FromAuditLog(string activePath, string shownAs, IReadOnlyList<ColumnSection> monitored, DateTimeOffset? since = null)
    {
        var samples = monitored.ToDictionary(c => c.Name, c => new ColumnSample(c.Name, c.Type), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (rows, records, withoutInputs) = (0L, 0L, 0L);
        try
        {
            foreach (var record in AuditLogReader.Read(activePath))
            {
                if (since is { } from && record.Time < from)
                {
                    continue;
                }

                records++;
                if (record.Inputs is not { } inputs)
                {
                    withoutInputs++;
                    continue;
                }

                try
                {
                    rows += AddInputs(inputs, samples, seen, record, Path.Combine(Path.GetDirectoryName(shownAs) ?? "", Path.GetFileName(record.File)));
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
                {
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                        $"{record.File}:{record.Line}: the record's inputs are not {{\"columns\": [...], \"data\": [[...]]}} "
                        + $"as the scoring server writes them ({e.Message}); check the log with ./build.sh --target=VerifyAudit --log={record.File}."));
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }

        if (rows == 0)
        {
            throw new UsageException(records == 0
                ? $"{shownAs} holds no scored requests{(since is null ? "" : " in the window asked for")}; send traffic to the deployment first, or pass --current=<csv>."
                : $"{shownAs} holds {records:N0} scored requests but none kept its inputs; "
                    + "set monitoring.log_inputs: true in the pipeline file and deploy again (--force), or pass --current=<csv>.");
        }

        return new DriftSample(shownAs, samples.Where(s => seen.Contains(s.Key)).ToDictionary(StringComparer.Ordinal), rows);
    }

    private static long AddInputs(JsonElement inputs, Dictionary<string, ColumnSample> samples, HashSet<string> seen, LoggedPrediction record, string shownFile)
    {
        var columns = inputs.GetProperty("columns").EnumerateArray()
            .Select(c => samples.GetValueOrDefault(c.GetString() ?? ""))
            .ToList();
        foreach (var sample in columns.OfType<ColumnSample>())
        {
            seen.Add(sample.Name);
        }

        var rows = 0L;
        foreach (var row in inputs.GetProperty("data").EnumerateArray())
        {
            rows++;
            var index = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (index < columns.Count && columns[index] is { } sample)
                {
                    switch (cell.ValueKind)
                    {
                        case JsonValueKind.Null:
                            sample.AddMissing();
                            break;
                        case JsonValueKind.Number:
                            sample.Add(cell.GetDouble(), shownFile, record.Line);
                            break;
                        case JsonValueKind.True or JsonValueKind.False:
                            sample.Add(cell.ValueKind == JsonValueKind.True ? "true" : "false", shownFile, record.Line);
                            break;
                        default:
                            sample.Add(cell.GetString() ?? cell.GetRawText(), shownFile, record.Line);
                            break;
                    }
                }

                index++;
            }
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsMissing(ReadOnlySpan<char> text, IReadOnlyList<string> missing)
    {
        foreach (var token in missing)
        {
            if (text.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
