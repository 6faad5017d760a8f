using System.Globalization;
using System.Text;
using System.Text.Json;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>
/// Held-out rows for a smoke test: the first rows of predictions.csv, taken from the training table
/// without their label, as a CSV /invocations body, and the scores Validate recorded for them.
/// </summary>
/// <param name="Body">The CSV body: the table's header and rows, label column removed.</param>
/// <param name="Ids">The rows' ids, in order.</param>
/// <param name="Scores">The scores recorded for them, in order.</param>
public sealed record SmokeRows(string Body, IReadOnlyList<string> Ids, IReadOnlyList<double> Scores)
{
    /// <summary>How many held-out rows a smoke test scores.</summary>
    public const int Count = 5;

    /// <summary>Scores may differ by this much (the server and Validate run the same model on the same rows).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Up to <paramref name="count"/> held-out rows of the pipeline's table with the scores Validate recorded for <paramref name="version"/>.</summary>
    /// <exception cref="UsageException">The artifacts hold another version's predictions, or the schema names no id column.</exception>
    public static SmokeRows Of(PipelineWorkspace workspace, int version, int count)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var (pipeline, artifacts) = (workspace.Pipeline, workspace.ArtifactsFolder);
        var metrics = Path.Combine(artifacts, ArtifactNames.Metrics);
        var validated = MetricsFile.ReadIfExists(metrics, Path.GetRelativePath(workspace.RepositoryRoot, metrics))?.Version;

        if (validated != version)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetRelativePath(workspace.RepositoryRoot, artifacts)} holds the predictions of {(validated is { } v ? $"v{v}" : "no version")}, "
                + $"not of staging v{version}; run ./build.sh --target=BiasCheck first."));
        }

        var schema = pipeline.Schema ?? throw new UsageException($"{pipeline.File} has no 'schema' section; the smoke test needs the id and label columns.");
        var id = schema.Columns.FirstOrDefault(c => c.Type == ColumnType.Id)?.Name
            ?? throw new UsageException($"{pipeline.File} declares no id column; the smoke test matches rows to predictions.csv by id.");
        var table = Path.Combine(workspace.RepositoryRoot, pipeline.Data.Table ?? pipeline.Data.Path);
        return From(Path.Combine(artifacts, ArtifactNames.Predictions), table, pipeline.Data.Csv, schema, id, count);
    }

    /// <summary>
    /// The held-out rows of <paramref name="version"/> when the artifacts hold its predictions. A version <paramref name="named"/> by reference
    /// (<c>--version</c>) whose predictions they do not hold gets none (null): its server passes the health, version and bundle checks only.
    /// </summary>
    /// <exception cref="UsageException">Not named, and the artifacts hold another version's predictions; or the schema names no id column.</exception>
    public static SmokeRows? OfNamed(PipelineWorkspace workspace, int version, bool named, int count)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return named && Validated(workspace) != version ? null : Of(workspace, version, count);
    }

    /// <summary>Why <paramref name="version"/> has no held-out rows: e.g. <c>artifacts/credit-scoring holds the predictions of v2, not of v1</c>.</summary>
    public static string Missing(PipelineWorkspace workspace, int version)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var validated = Validated(workspace);
        return string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(workspace.RepositoryRoot, workspace.ArtifactsFolder)} holds the predictions of "
            + $"{(validated is { } v ? $"v{v}" : "no version")}, not of v{version}");
    }

    /// <summary>
    /// Up to <paramref name="count"/> rows of <paramref name="predictions"/> found in <paramref name="table"/>, read in the
    /// pipeline's dialect <paramref name="csv"/>; rows with a value that would need quotes in the CSV body are passed over.
    /// </summary>
    /// <exception cref="ServerCheckException">No predicted row is in the table, or a column is missing.</exception>
    /// <exception cref="InvalidFileException">The table cannot be read in the pipeline's dialect.</exception>
    public static SmokeRows From(string predictions, string table, CsvSection csv, SchemaSection schema, string idColumn, int count)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var recorded = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(predictions).Select((line, i) => (line, i + 1)).Skip(1).Take(count * 4))
        {
            var cells = line.Split(',');
            if (cells.Length < 3 || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !recorded.TryAdd(cells[0], score))
            {
                throw new InvalidFileException(new SourceLocation(predictions, number, 1),
                    "expected a unique id, the label and a score, as Validate writes them; run ./build.sh --target=Validate --force.");
            }
        }

        using var reader = TableReader.Open(table, table, csv, [.. schema.Columns.Select(c => c.Name)]);
        var header = reader.Columns.ToList();
        var (id, label) = (header.IndexOf(idColumn), header.IndexOf(schema.Label));
        if (id < 0 || label < 0)
        {
            throw new ServerCheckException($"{table} has no column '{(id < 0 ? idColumn : schema.Label)}'; the smoke test needs the id and label columns.");
        }

        var body = new StringBuilder().AppendJoin(',', header.Where((_, i) => i != label)).Append('\n');
        var (ids, scores) = (new List<string>(), new List<double>());
        while (ids.Count < count && reader.Read())
        {
            var cells = Enumerable.Range(0, header.Count).Select(i => reader[i].ToString()).ToList();
            if (!cells.Any(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0) && recorded.TryGetValue(cells[id], out var score))
            {
                body.AppendJoin(',', cells.Where((_, i) => i != label)).Append('\n');
                ids.Add(cells[id]);
                scores.Add(score);
            }
        }

        return ids.Count > 0 ? new SmokeRows(body.ToString(), ids, scores)
            : throw new ServerCheckException($"None of the first rows of {predictions} is in {table}; run ./build.sh --target=Validate again.");
    }

    /// <summary>Checks the /invocations answer scores every row as recorded.</summary>
    /// <returns>The largest difference.</returns>
    /// <exception cref="ServerCheckException">A score differs by more than <see cref="Tolerance"/>, or the answer has another row count.</exception>
    public double Compare(string invocations)
    {
        List<double> answered;
        try
        {
            using var answer = JsonDocument.Parse(invocations);
            answered = [.. answer.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("score").GetDouble())];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ServerCheckException($"The server's answer to the smoke rows is not a predictions response ({e.Message}): {Shorten(invocations)}");
        }

        if (answered.Count != Scores.Count)
        {
            throw new ServerCheckException($"The smoke test sent {Scores.Count} rows and got {answered.Count} scores back.");
        }

        var worst = 0.0;
        for (var i = 0; i < answered.Count; i++)
        {
            var difference = Math.Abs(answered[i] - Scores[i]);
            if (difference > Tolerance)
            {
                throw new ServerCheckException(string.Create(CultureInfo.InvariantCulture,
                    $"The server scores row '{Ids[i]}' {answered[i]:R}, but Validate recorded {Scores[i]:R}; it does not serve the model that was gated."));
            }

            worst = Math.Max(worst, difference);
        }

        return worst;
    }

    // The version whose predictions the artifacts hold (metrics.json's), or null.
    private static int? Validated(PipelineWorkspace workspace)
    {
        var metrics = Path.Combine(workspace.ArtifactsFolder, ArtifactNames.Metrics);
        return MetricsFile.ReadIfExists(metrics, Path.GetRelativePath(workspace.RepositoryRoot, metrics))?.Version;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
