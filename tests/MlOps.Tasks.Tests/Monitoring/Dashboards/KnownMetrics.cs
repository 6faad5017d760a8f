using System.Text.RegularExpressions;

namespace MlOps.Tasks.Tests.Monitoring.Dashboards;

/// <summary>
/// The series that exist, with their labels: the scoring server's /metrics (ScoringMetrics, FeatureMetrics)
/// and Monitor's Prometheus textfile. Finds the series a PromQL expression asks for.
/// </summary>
internal static partial class KnownMetrics
{
    public static readonly IReadOnlyDictionary<string, string[]> Labels = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["mlops_requests_total"] = ["status"],
        ["mlops_request_errors_total"] = ["problem"],
        ["mlops_request_duration_seconds_bucket"] = ["le"],
        ["mlops_request_duration_seconds_sum"] = [],
        ["mlops_request_duration_seconds_count"] = [],
        ["mlops_rows_scored_total"] = [],
        ["mlops_prediction_score_bucket"] = ["le"],
        ["mlops_prediction_score_sum"] = [],
        ["mlops_prediction_score_count"] = [],
        ["mlops_predictions_total"] = ["class"],
        ["mlops_model_info"] = ["model", "version", "bundle_sha256", "data_md5", "git_commit", "trainer"],
        ["mlops_feature_values_total"] = ["feature"],
        ["mlops_feature_missing_total"] = ["feature"],
        ["mlops_feature_sum"] = ["feature"],
        ["mlops_feature_sum_squares"] = ["feature"],
        ["mlops_feature_category_total"] = ["feature", "value"],
        ["mlops_drift_dataset_drift"] = ["model"],
        ["mlops_drift_share"] = ["model"],
        ["mlops_drift_column_drift"] = ["model", "column", "method"],
        ["mlops_drift_column_score"] = ["model", "column", "method"],
        ["mlops_drift_column_psi"] = ["model", "column"],
        ["mlops_concept_drift_detected"] = ["model", "detector"],
        ["mlops_concept_window_metric"] = ["model", "metric"],
        ["mlops_slo_breached"] = ["model", "objective"],
        ["mlops_monitor_last_run_timestamp_seconds"] = ["model"],
        ["mlops_monitor_breached"] = ["model"],
    };

    /// <summary>PromQL functions, aggregations and keywords the generated expressions may use.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "sum", "max", "min", "by", "on", "and", "or", "rate", "histogram_quantile", "absent", "vector", "time",
    };

    /// <summary>The series <paramref name="expr"/> selects, each with the label names it matches on.</summary>
    public static IEnumerable<Series> Selected(string expr) =>
        Selector().Matches(expr).Select(selector => new Series(
            selector.Groups["metric"].Value,
            Matcher().Matches(selector.Groups["matchers"].Value).Select(m => m.Groups["label"].Value).ToArray()));

    /// <summary>Asserts that every series <paramref name="expr"/> asks for exists and has the labels it matches on.</summary>
    public static void AssertExists(string expr)
    {
        Assert.That(Unknown(expr), Is.Empty, expr);
        foreach (var series in Selected(expr))
        {
            Assert.That(Labels.ContainsKey(series.Metric), Is.True, $"{series.Metric} does not exist: {expr}");
            Assert.That(series.Matchers, Is.SubsetOf(Labels[series.Metric]), expr);
        }
    }

    /// <summary>Identifiers outside strings, selectors, ranges and label lists that are neither known words nor numbers.</summary>
    public static IEnumerable<string> Unknown(string expr)
    {
        var bare = LabelList().Replace(Range().Replace(Braces().Replace(Quoted().Replace(expr, ""), ""), ""), "");
        return Identifier().Matches(bare).Select(m => m.Value).Where(word => !Words.Contains(word) && !Labels.ContainsKey(word));
    }

    /// <summary>A series an expression selects, with the label names it matches on.</summary>
    public sealed record Series(string Metric, IReadOnlyList<string> Matchers);

    [GeneratedRegex(@"(?<metric>mlops_[a-zA-Z0-9_:]*)\s*(\{(?<matchers>[^}]*)\})?")]
    private static partial Regex Selector();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*""(?:[^""\\]|\\.)*""")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|on)\s*\([^)]*\)")]
    private static partial Regex LabelList();

    [GeneratedRegex(@"(?<![0-9.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
