using System.Text.Json.Nodes;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Dashboards;

public static partial class GrafanaDashboard
{
    private static IEnumerable<JsonObject> Serving(PipelineDefinition pipeline, MonitoringQueries queries, IReadOnlyList<MonitoredLimit> limits)
    {
        yield return GrafanaLayout.Row("Serving");
        yield return new GrafanaPanel("timeseries", "Requests", 8, 8)
            .Describe($"Scoring requests per second over {MonitoringQueries.Window}, in all and by HTTP status (mlops_requests_total); "
                + "a line marks monitoring.slo.min_request_rate.")
            .Unit("reqps").From(0)
            .Query("A", queries.RequestRate, "all")
            .Query("B", queries.RequestRateByStatus, "{{status}}")
            .Limit("A", Find(limits, "monitoring.slo.min_request_rate"))
            .Options(TimeSeriesOptions()).ToJson();
        yield return new GrafanaPanel("timeseries", "Errors and rejections", 8, 8)
            .Describe("Share of requests answered with a server error (5xx) and refused as bad input (4xx); lines mark monitoring.slo.max_error_rate and max_rejected_rate.")
            .Unit("percentunit").From(0)
            .Query("A", queries.ErrorRate, "server errors (5xx)")
            .Query("B", queries.RejectedRate, "rejected (4xx)")
            .Limit("A", Find(limits, "monitoring.slo.max_error_rate"))
            .Limit("B", Find(limits, "monitoring.slo.max_rejected_rate"))
            .Options(TimeSeriesOptions()).ToJson();
        yield return new GrafanaPanel("timeseries", "Latency", 8, 8)
            .Describe("Median and 99th percentile of the time to read, score and answer a request (mlops_request_duration_seconds); "
                + "lines mark monitoring.slo.p50_latency_ms and p99_latency_ms.")
            .Unit("s").From(0)
            .Query("A", queries.Latency(0.5), "p50")
            .Query("B", queries.Latency(0.99), "p99")
            .Limit("A", Find(limits, "monitoring.slo.p50_latency_ms"))
            .Limit("B", Find(limits, "monitoring.slo.p99_latency_ms"))
            .Options(TimeSeriesOptions()).ToJson();
        yield return new GrafanaPanel("heatmap", "Score distribution", 8, 8)
            .Describe("Scores (probability of the positive class) per second in each bucket of mlops_prediction_score; a shift here often comes before drift.")
            .Query("A", queries.ScoreBuckets, "{{le}}", format: "heatmap")
            .Options(new JsonObject
            {
                ["calculate"] = false,
                ["cellGap"] = 1,
                ["color"] = new JsonObject { ["mode"] = "scheme", ["scheme"] = "Oranges", ["steps"] = 64 },
                ["yAxis"] = new JsonObject { ["axisPlacement"] = "left", ["decimals"] = 1 },
                ["rowsFrame"] = new JsonObject { ["layout"] = "le" },
                ["tooltip"] = new JsonObject { ["mode"] = "single", ["yHistogram"] = false },
            })
            .ToJson();
        yield return new GrafanaPanel("timeseries", "Predictions by class", 8, 8)
            .Describe($"Rows scored per second by predicted class (mlops_predictions_total); {PositiveClass(pipeline)}")
            .Unit("short").From(0)
            .Query("A", queries.PredictionsByClass, "class {{class}}")
            .Options(TimeSeriesOptions()).ToJson();
        yield return new GrafanaPanel("timeseries", "Rejections by problem", 8, 8)
            .Describe("Refused requests per second by problem type (mlops_request_errors_total; the types are listed in docs/serving.md).")
            .Unit("reqps").From(0)
            .Query("A", queries.RejectionsByProblem, "{{problem}}")
            .Options(TimeSeriesOptions()).ToJson();
    }

    private static string PositiveClass(PipelineDefinition pipeline) => pipeline.Schema is { } schema
        ? $"class 1 is {schema.Label} = {schema.Positive}."
        : "class 1 is the label's positive value.";

    private static JsonObject TimeSeriesOptions() => new()
    {
        ["legend"] = new JsonObject { ["displayMode"] = "list", ["placement"] = "bottom", ["showLegend"] = true },
        ["tooltip"] = new JsonObject { ["mode"] = "multi", ["sort"] = "none" },
    };
}
