using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Serving.Tests.Monitoring;

public sealed partial class ScoringMetricsTests
{
    private static async Task<string> MetricsAsync(ScoringServer server) =>
        await server.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>The value of the sample <paramref name="series"/> (name and labels as written), or null when absent.</summary>
    private static double? Value(string metrics, string series) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture)
            : null;

    [Test]
    public async Task Should_Count_Requests_Rows_Errors_And_Latency()
    {
        // Given
        using var server = new ScoringServer();
        await server.PostAsync($$"""{"dataframe_records": [{{TestModel.Record(0)}}, {{TestModel.Record(1)}}, {{TestModel.Record(2)}}]}""");
        await server.PostAsync($$"""{"dataframe_records": [{{TestModel.Record(3)}}]}""");
        await server.PostAsync("""{"dataframe_records": [{"salary": 1}]}""");
        await server.PostAsync("x", "text/plain");

        // When
        var metrics = await MetricsAsync(server);

        // Then
        Assert.That(Value(metrics, "mlops_requests_total{status=\"200\"}"), Is.EqualTo(2));
        Assert.That(Value(metrics, "mlops_requests_total{status=\"400\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_requests_total{status=\"415\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_request_errors_total{problem=\"unknown-column\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_request_errors_total{problem=\"unsupported-media-type\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_rows_scored_total"), Is.EqualTo(4));
        Assert.That(Value(metrics, "mlops_request_duration_seconds_count"), Is.EqualTo(4));
        Assert.That(Value(metrics, "mlops_prediction_score_count"), Is.EqualTo(4));
        Assert.That(Value(metrics, "mlops_predictions_total{class=\"0\"}") + Value(metrics, "mlops_predictions_total{class=\"1\"}"), Is.EqualTo(4));
    }

    [Test]
    public async Task Should_Identify_The_Model()
    {
        // Given
        using var server = new ScoringServer();

        // When
        var metrics = await MetricsAsync(server);

        // Then
        Assert.That(ModelInfo().IsMatch(metrics), Is.True, metrics);
    }

    [Test]
    public async Task Should_Summarise_Each_Feature()
    {
        // Given
        using var server = new ScoringServer();
        await server.PostAsync("""{"inputs": {"income": [10, 20, null], "debt": [0.5, null, 0.25], "region": ["north", "north", null], "note": """
            + """["", "", ""], "verified": [true, false, true]}}""");

        // When
        var metrics = await MetricsAsync(server);

        // Then
        Assert.That(Value(metrics, "mlops_feature_values_total{feature=\"income\"}"), Is.EqualTo(3));
        Assert.That(Value(metrics, "mlops_feature_missing_total{feature=\"income\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_feature_sum{feature=\"income\"}"), Is.EqualTo(30));
        Assert.That(Value(metrics, "mlops_feature_sum_squares{feature=\"income\"}"), Is.EqualTo(500));
        Assert.That(Value(metrics, "mlops_feature_sum{feature=\"verified\"}"), Is.EqualTo(2));
        Assert.That(Value(metrics, "mlops_feature_category_total{feature=\"region\",value=\"north\"}"), Is.EqualTo(2));
        Assert.That(Value(metrics, "mlops_feature_missing_total{feature=\"region\"}"), Is.EqualTo(1));
        Assert.That(Value(metrics, "mlops_feature_missing_total{feature=\"age\"}"), Is.EqualTo(3), "a column the request leaves out is missing in every row");
        Assert.That(metrics, Does.Not.Contain("feature=\"note\""), "free text is not summarised");
    }

    [Test]
    public async Task Should_Count_At_Most_Fifty_Values_Per_Category()
    {
        // Given
        using var server = new ScoringServer();
        var regions = string.Join(", ", Enumerable.Range(0, 60).Select(i => $"\"r{i}\""));
        string Repeat(string value) => string.Join(", ", Enumerable.Repeat(value, 60));
        await server.PostAsync("{\"inputs\": {\"income\": [" + Repeat("1") + "], \"debt\": [" + Repeat("0") + "], \"region\": [" + regions
            + "], \"note\": [" + Repeat("\"\"") + "], \"verified\": [" + Repeat("true") + "]}}");

        // When
        var metrics = await MetricsAsync(server);

        // Then
        Assert.That(metrics.Split('\n').Count(l => l.StartsWith("mlops_feature_category_total{feature=\"region\"", StringComparison.Ordinal)), Is.EqualTo(51));
        Assert.That(Value(metrics, "mlops_feature_category_total{feature=\"region\",value=\"__other__\"}"), Is.EqualTo(10));
    }

    [GeneratedRegex("""mlops_model_info\{model="credit-scoring",version="7",bundle_sha256="[0-9a-f]{64}","""
        + """data_md5="3f1c0a4b2e8d9f7a6b5c4d3e2f1a0b9c\.dir",git_commit="5c93d6f",trainer="LightGbm"\} 1""")]
    private static partial Regex ModelInfo();
}
