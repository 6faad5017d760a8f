using System.Text;
using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Serving.Monitoring;
using MlOps.Serving.Requests;
using Prometheus;

namespace MlOps.Serving.Tests.Monitoring;

/// <summary>Per-thread tallies of the features, summed when the metrics are read.</summary>
public sealed class FeatureMetricsTests
{
    private static readonly Lazy<InputLayout> Layout = new(() =>
    {
        var bundle = ModelBundle.Open(TestModel.Bundle, PublicKey.FromPem(File.ReadAllText(TestModel.PublicKey)));
        return InputLayout.For(bundle.Schema, ModelScorer.Load(bundle.OpenModel()));
    });

    [Test]
    public async Task Should_Sum_The_Rows_Of_Every_Thread_Including_Ended_Ones()
    {
        // Given
        var registry = Metrics.NewCustomRegistry();
        var features = new FeatureMetrics(Metrics.WithCustomRegistry(registry), registry, Layout.Value);
        var rows = JsonRequestReader.ReadFully(Encoding.UTF8.GetBytes($$"""{"dataframe_records": [{{TestModel.Record(0)}}, {{TestModel.Record(1)}}]}"""), Layout.Value, 10).Rows;
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                features.Observe(rows);
            }
        })).ToList();

        // When
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var first = await ScrapeAsync(registry);
        features.Observe(rows);
        var second = await ScrapeAsync(registry);

        // Then
        Assert.That(first, Does.Contain("mlops_feature_values_total{feature=\"income\"} 8000\n"));
        Assert.That(first, Does.Contain("mlops_feature_sum{feature=\"income\"} 188000\n"), "(20 + 27) × 4,000");
        Assert.That(first, Does.Contain("mlops_feature_category_total{feature=\"region\",value=\"north\"} 4000\n"));
        Assert.That(second, Does.Contain("mlops_feature_values_total{feature=\"income\"} 8002\n"), "the ended threads' totals kept once folded");
        Assert.That(second, Does.Contain("mlops_feature_category_total{feature=\"region\",value=\"south\"} 4001\n"));
    }

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
