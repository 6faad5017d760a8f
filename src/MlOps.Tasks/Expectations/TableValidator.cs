using System.Collections.Concurrent;
using System.Diagnostics;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// Validates a table in one streaming pass: the schema check (columns present, values that parse
/// as their type, the label present), the declared expectations, and the baseline profile.
/// Memory does not grow with rows, except for what unique values GX semantics must remember.
/// </summary>
public static class TableValidator
{
    private const int BatchRows = 1 << 13;

    /// <summary>Reads <paramref name="path"/> (shown as <paramref name="file"/>) and checks it.</summary>
    /// <exception cref="InvalidFileException">The file cannot be read as CSV, or an expectation is declared wrongly.</exception>
    public static ValidationReport Validate(
        string path, string file, DataSection data, SchemaSection? schema, IReadOnlyList<ExpectationSection> expectations, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(expectations);
        var watch = Stopwatch.StartNew();
        var schemaColumns = schema?.Columns.Select(c => c.Name).ToList() ?? [];
        using var reader = TableReader.Open(path, file, data.Csv, schemaColumns);
        var columns = reader.Columns;
        var checks = SchemaChecks.For(schema)
            .Concat(expectations.SelectMany(e => ExpectationCatalog.Build(e, schema is null ? columns : schemaColumns)))
            .ToList();
        var plans = columns.Select((name, index) => new ColumnPlan(index, name, TypeOf(schema, name), checks.Where(c => c.Column == name).ToList(), data.Csv.Missing))
            .OrderByDescending(p => p.Cost).ToList();
        ReadAndCheck(reader, plans, progress);
        var rows = reader.RowIndex + 1;
        if (rows == 0 && data.Csv.Header)
        {
            throw new InvalidFileException(new SourceLocation(file, 2, 1), "the file has a header but no data rows.");
        }

        // Profiles sort each numeric column once (for quantiles); the expectations reuse the sorted values.
        var columnProfiles = new ColumnProfile[plans.Count];
        Parallel.For(0, plans.Count, i => columnProfiles[plans[i].Index] = plans[i].Profiler.Build());
        var summaries = plans.Where(p => p.Profiler.Numbers is not null).ToDictionary(p => p.Name, p => p.Profiler.Numbers!);
        var facts = new TableFacts(rows, columns, summaries);
        var results = checks.Select(c => c.Column is { Length: > 0 } column && !columns.Contains(column) && c is not ColumnExistsExpectation
            ? c.NotInFile(file)
            : c.Finish(facts)).ToList();
        var profile = new DataProfile(file, rows, columnProfiles);
        return new ValidationReport(file, rows, results, profile, watch.Elapsed);
    }

    // The reader fills one batch while the other is checked, a column per core.
    private static void ReadAndCheck(TableReader reader, List<ColumnPlan> plans, IProgress<long>? progress)
    {
        var (filling, checking) = (new RowBatch(reader.Columns.Count, BatchRows), new RowBatch(reader.Columns.Count, BatchRows));
        var pending = Task.CompletedTask;
        try
        {
            while (reader.Read())
            {
                filling.Add(reader);
                if (filling.IsFull)
                {
                    pending.GetAwaiter().GetResult();
                    (filling, checking) = (checking, filling);
                    var batch = checking;
                    pending = Task.Run(() => Check(plans, batch));
                    filling.Clear();
                    progress?.Report(reader.RowIndex + 1);
                }
            }
        }
        finally
        {
            // Never leave a batch being checked behind, even when the reader fails.
            pending.Wait();
        }

        Check(plans, filling);
    }

    // One column at a time to whichever core is free, costliest first, so no core idles at the end of a batch.
    private static void Check(List<ColumnPlan> plans, RowBatch batch) =>
        Parallel.ForEach(Partitioner.Create(plans, EnumerablePartitionerOptions.NoBuffering), plan => plan.Observe(batch));

    private static ColumnType TypeOf(SchemaSection? schema, string column) =>
        schema?.Columns.FirstOrDefault(c => c.Name == column)?.Type ?? ColumnType.Text;

    /// <summary>Everything done with one column's value in each row.</summary>
    private sealed class ColumnPlan
    {
        private readonly int index;

        /// <summary>The column's position in the file.</summary>
        public int Index => index;
        private readonly List<Expectation> expectations;
        private readonly bool needsNumber;
        private readonly string[] missingTokens;

        public ColumnPlan(int index, string name, ColumnType type, List<Expectation> expectations, IReadOnlyList<string> missing)
        {
            this.index = index;
            this.expectations = expectations;
            Name = name;
            missingTokens = [.. missing];
            var summary = expectations.Any(e => e.NeedsSummary) && type != ColumnType.Numeric;
            Profiler = new ColumnProfiler(name, summary ? ColumnType.Numeric : type);
            needsNumber = type == ColumnType.Numeric || summary || expectations.Any(e => e.NeedsNumbers);
        }

        public string Name { get; }

        public ColumnProfiler Profiler { get; }

        /// <summary>A rough relative cost per value, to schedule the costliest columns first.</summary>
        public int Cost => 1 + (needsNumber ? 1 : 0) + expectations.Sum(e => e switch
        {
            UniqueExpectation => 6,
            RegexExpectation => 4,
            InSetExpectation or DistinctValuesInSetExpectation => 2,
            _ => 1,
        });

        public void Observe(RowBatch batch)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var text = batch.Cell(index, row);
                var isMissing = IsMissing(text);
                var number = needsNumber && !isMissing ? TableReader.Number(text) : null;
                Profiler.Add(text, isMissing, number);
                var cell = new Cell(text, isMissing, number, batch.Row(row), batch.Line(row));
                foreach (var expectation in expectations)
                {
                    expectation.Observe(cell);
                }
            }
        }

        private bool IsMissing(ReadOnlySpan<char> text)
        {
            foreach (var token in missingTokens)
            {
                if (text.SequenceEqual(token))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
