using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Serving.Requests;

namespace MlOps.Benchmarks;

/// <summary>
/// The scoring server's hot path on the sample model (artifacts/credit-scoring after ./build.sh):
/// reading a request, and scoring one row through the pooled row scorer or through a fresh
/// IDataView, and 100 rows as one batch.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ScoringBenchmarks
{
    private ModelScorer scorer = null!;
    private InputLayout layout = null!;
    private byte[] oneRow = [];
    private byte[] hundredRows = [];
    private TableData one = null!;
    private TableData hundred = null!;
    private TableData thousands = null!;

    [GlobalSetup]
    public void Setup()
    {
        var artifacts = Path.Combine(Repository.Root, "artifacts", "credit-scoring");
        var bundle = ModelBundle.Open(Path.Combine(artifacts, "model.mlbundle"), PublicKey.FromPem(File.ReadAllText(Path.Combine(artifacts, "signing-key.pub.pem"))));
        scorer = ModelScorer.Load(bundle.OpenModel());
        layout = InputLayout.For(bundle.Schema, scorer);
        var records = SampleRecords(100);
        oneRow = Encoding.UTF8.GetBytes($"{{\"dataframe_records\": [{records[0]}]}}");
        hundredRows = Encoding.UTF8.GetBytes($"{{\"dataframe_records\": [{string.Join(", ", records)}]}}");
        one = JsonRequestReader.ReadFully(oneRow, layout, int.MaxValue).Rows;
        hundred = JsonRequestReader.ReadFully(hundredRows, layout, int.MaxValue).Rows;
        thousands = JsonRequestReader.ReadFully(Encoding.UTF8.GetBytes($"{{\"dataframe_records\": [{string.Join(", ", SampleRecords(4000))}]}}"), layout, int.MaxValue).Rows;
    }

    /// <summary>What the server does: plain records the fast way into a pooled table, given back once answered.</summary>
    [Benchmark]
    public int ReadOneRowRequest() => Read(oneRow);

    [Benchmark]
    public int ReadHundredRowRequest() => Read(hundredRows);

    /// <summary>The full reading through a JSON document, as every request was read before (and errors still are).</summary>
    [Benchmark]
    public TableData ReadOneRowRequestFully() => JsonRequestReader.ReadFully(oneRow, layout, int.MaxValue).Rows;

    [Benchmark]
    public TableData ReadHundredRowRequestFully() => JsonRequestReader.ReadFully(hundredRows, layout, int.MaxValue).Rows;

    [Benchmark(Baseline = true)]
    public double ScoreOneRowThroughDataView() => scorer.ScoreBatch(one)[0];

    [Benchmark]
    public double ScoreOneRowPooled() => scorer.ScoreRows(one)[0];

    [Benchmark]
    public double ScoreHundredRowsThroughDataView() => scorer.ScoreBatch(hundred)[99];

    [Benchmark]
    public double ScoreHundredRowsPooled() => scorer.ScoreRows(hundred)[99];

    [Benchmark]
    public double ScoreFourThousandRowsThroughDataView() => scorer.ScoreBatch(thousands)[3999];

    [Benchmark]
    public double ScoreFourThousandRowsPooled() => scorer.ScoreRows(thousands)[3999];

    private int Read(byte[] body)
    {
        var request = JsonRequestReader.Read(body, layout, int.MaxValue);
        var rows = request.Rows.RowCount;
        request.Release();
        return rows;
    }

    /// <summary>Rows of data/credit.csv as JSON records, numbers as numbers, missing values as null, the label left out.</summary>
    private static List<string> SampleRecords(int count)
    {
        var lines = File.ReadLines(Path.Combine(Repository.Root, "data", "credit.csv")).Take(count + 1).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var record = header.Zip(line.Split(',')).Where(p => p.First != "default")
                .ToDictionary(p => p.First, p => p.Second is "" or "NA" ? null
                    : double.TryParse(p.Second, System.Globalization.CultureInfo.InvariantCulture, out var number) ? (object)number : p.Second);
            return JsonSerializer.Serialize(record);
        })];
    }
}
