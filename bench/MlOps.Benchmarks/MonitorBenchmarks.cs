using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;

namespace MlOps.Benchmarks;

/// <summary>
/// Monitor's two halves on the scratch repository named by MLOPS_BENCH_MONITOR (bench/monitor-vs-scipy.sh
/// makes one: pipelines/monitor-bench.yaml, data/reference.csv and data/current.csv, 1M rows each): reading
/// the monitored columns of both files at once, one core each, as Monitor does, and testing every column (KS or
/// chi-square, PSI and bins); beside them the parse floor, what any reader of these files must do, also a file a core.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MonitorBenchmarks
{
    private string root = "";
    private PipelineDefinition pipeline = null!;
    private IReadOnlyList<ColumnSection> monitored = [];
    private DriftSample reference = null!;
    private DriftSample current = null!;

    [GlobalSetup]
    public void Setup()
    {
        root = Environment.GetEnvironmentVariable("MLOPS_BENCH_MONITOR")
            ?? throw new InvalidOperationException("Set MLOPS_BENCH_MONITOR to a scratch repository (see bench/monitor-vs-scipy.sh).");
        pipeline = PipelineFile.Load(root, "pipelines/monitor-bench.yaml");
        monitored = DataDrift.MonitoredColumns(pipeline);
        (reference, current) = Read();
    }

    /// <summary>Sep reading every field of both files, the numeric ones parsed, nothing kept.</summary>
    [Benchmark(Baseline = true)]
    public double ParseFloor()
    {
        var reading = Task.Run(() => Floor("data/reference.csv"));
        return Floor("data/current.csv") + reading.Result;
    }

    /// <summary>Both CSV files, the monitored columns parsed and kept, missing values set aside (MonitorTask's reading).</summary>
    [Benchmark]
    public long ReadBothFiles()
    {
        var (first, second) = Read();
        return first.Rows + second.Rows;
    }

    /// <summary>Every column's test, PSI and bins, columns spread over the cores as Monitor does.</summary>
    [Benchmark]
    public int TestEveryColumn() =>
        DataDrift.Compare(reference, current, pipeline.Monitoring, monitored).Drifted;

    private double Floor(string file)
    {
        var schema = pipeline.Schema!.Columns;
        using var reader = TableReader.Open(Path.Combine(root, file), file, pipeline.Data.Csv, [.. schema.Select(c => c.Name)]);
        var numeric = schema.Where(c => c.Type == ColumnType.Numeric).Select(c => reader.Columns.ToList().IndexOf(c.Name)).ToArray();
        var text = schema.Where(c => c.Type == ColumnType.Categorical).Select(c => reader.Columns.ToList().IndexOf(c.Name)).ToArray();
        var sum = 0.0;
        while (reader.Read())
        {
            foreach (var column in numeric)
            {
                sum += TableReader.Number(reader[column]) ?? 0;
            }

            foreach (var column in text)
            {
                sum += reader[column].Length;
            }
        }

        return sum;
    }

    private (DriftSample Reference, DriftSample Current) Read()
    {
        var reading = Task.Run(() => DriftSample.FromCsv(Path.Combine(root, "data/reference.csv"), "reference.csv", pipeline, monitored));
        var current = DriftSample.FromCsv(Path.Combine(root, "data/current.csv"), "current.csv", pipeline, monitored);
        return (reading.Result, current);
    }
}
