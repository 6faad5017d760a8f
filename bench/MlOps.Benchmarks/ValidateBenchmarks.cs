using BenchmarkDotNet.Attributes;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;

namespace MlOps.Benchmarks;

/// <summary>
/// The data gate's hot path on a CSV named by MLOPS_BENCH_CSV (bench/validate-vs-pandas.sh makes a
/// 1M-row sample): the parse floor, the same floor on a whitespace-aligned copy (<c>separator: whitespace</c>),
/// then the whole validation of pipelines/credit-scoring.yaml.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ValidateBenchmarks
{
    private static readonly int[] Numeric = [3, 7, 8, 10, 11, 12, 14, 15, 16, 17];
    private string csv = "";
    private string aligned = "";
    private PipelineDefinition pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        csv = Environment.GetEnvironmentVariable("MLOPS_BENCH_CSV")
            ?? throw new InvalidOperationException("Set MLOPS_BENCH_CSV to a sample CSV (see bench/validate-vs-pandas.sh).");
        pipeline = PipelineFile.Load(Repository.Root, "pipelines/credit-scoring.yaml");
        aligned = Path.Combine(Path.GetTempPath(), $"mlops-bench-{Environment.ProcessId}.txt");
        File.WriteAllLines(aligned, File.ReadLines(csv).Select(l => string.Join("   ", l.Split(',').Select(f => f.Length == 0 ? "NA" : f))));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(aligned);

    /// <summary>Sep reading every field, and the numeric ones parsed: what any reader of this file must do.</summary>
    [Benchmark(Baseline = true)]
    public double ParseFloor()
    {
        var sum = 0.0;
        using var reader = TableReader.Open(csv, "credit.csv", new CsvSection(), []);
        while (reader.Read())
        {
            foreach (var column in Numeric)
            {
                sum += TableReader.Number(reader[column]) ?? 0;
            }

            sum += reader[0].Length + reader[1].Length + reader[2].Length;
        }

        return sum;
    }

    /// <summary>The parse floor on the same rows with fields separated by three spaces, read by <c>separator: whitespace</c>.</summary>
    [Benchmark]
    public double WhitespaceParseFloor()
    {
        var sum = 0.0;
        using var reader = TableReader.Open(aligned, "credit.txt", new CsvSection { Separator = CsvSection.Whitespace }, []);
        while (reader.Read())
        {
            foreach (var column in Numeric)
            {
                sum += TableReader.Number(reader[column]) ?? 0;
            }

            sum += reader[0].Length + reader[1].Length + reader[2].Length;
        }

        return sum;
    }

    /// <summary>Schema check, 66 expectation results and the baseline profile.</summary>
    [Benchmark]
    public long Validate() =>
        TableValidator.Validate(csv, "credit.csv", pipeline.Data, pipeline.Schema, pipeline.Expectations).Rows;
}
