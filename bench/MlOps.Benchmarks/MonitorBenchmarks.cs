using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;

namespace MlOps.Benchmarks;

/// <summary>
/// Monitor's two halves on the scratch repository named by MLOPS_BENCH_MONITOR (bench/monitor-vs-scipy.sh
/// makes one: pipelines/monitor-bench.yaml, data/reference.csv and data/current.csv, 1M rows each): reading
/// the monitored columns of both files, and testing every column (KS or chi-square, PSI and bins).
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

    /// <summary>Both CSV files, the monitored columns parsed and kept, missing values set aside.</summary>
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

    private (DriftSample Reference, DriftSample Current) Read() =>
        (DriftSample.FromCsv(Path.Combine(root, "data/reference.csv"), "reference.csv", pipeline, monitored),
         DriftSample.FromCsv(Path.Combine(root, "data/current.csv"), "current.csv", pipeline, monitored));
}
