using System.Text.Json.Nodes;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Dashboards;

public static partial class GrafanaDashboard
{
    private const string ConceptMinimum = "monitoring.concept.min.";

    private static IEnumerable<JsonObject> Drift(PipelineDefinition pipeline, MonitoringQueries queries)
    {
        var share = pipeline.Monitoring.DriftShare;
        yield return GrafanaLayout.Row("Data drift (Monitor's last run)");
        yield return new GrafanaPanel("stat", "Dataset drift", 4, 8)
            .Describe($"Drift when at least {MonitoringText.Percent(share)} of the tested columns drifted (monitoring.drift_share).")
            .Latest("A", queries.DatasetDrift, "dataset")
            .Flag("No drift", "Drift")
            .Options(LatestValue("background")).ToJson();
        yield return new GrafanaPanel("timeseries", "Drift share", 10, 8)
            .Describe("The share of the tested columns that drifted; the line is monitoring.drift_share.")
            .Unit("percentunit").Range(0, 1)
            .Query("A", queries.DriftShare, "drifted columns")
            .Thresholds(GrafanaThresholds.Above(share))
            .Options(TimeSeriesOptions()).ToJson();
        yield return new GrafanaPanel("bargauge", "PSI per column", 10, 8)
            .Describe("Population stability index per column, in its bands: below 0.1 no change, 0.1 to 0.25 some, from 0.25 a significant change.")
            .From(0)
            .Latest("A", queries.ColumnPsi, "{{column}}")
            .Thresholds(GrafanaThresholds.Bands(0.1, 0.25))
            .Options(new JsonObject
            {
                ["displayMode"] = "gradient",
                ["orientation"] = "horizontal",
                ["showUnfilled"] = true,
                ["reduceOptions"] = new JsonObject { ["calcs"] = new JsonArray("lastNotNull"), ["fields"] = "", ["values"] = false },
            })
            .ToJson();
        yield return new GrafanaPanel("table", "Column drift", 24, 10)
            .Describe("Per column and test: whether it drifted, and its score, a p-value for ks, chisquare and z (drift when low) "
                + $"or a distance for the others (drift when high). {Tests(pipeline.Monitoring)}")
            .Latest("A", queries.ColumnDrift, "", format: "table")
            .Latest("B", queries.ColumnScore, "", format: "table")
            .Transform(
                new JsonObject { ["id"] = "merge", ["options"] = new JsonObject() },
                new JsonObject
                {
                    ["id"] = "organize",
                    ["options"] = new JsonObject
                    {
                        ["excludeByName"] = new JsonObject { ["Time"] = true },
                        ["indexByName"] = new JsonObject { ["column"] = 0, ["method"] = 1, ["Value #A"] = 2, ["Value #B"] = 3 },
                        ["renameByName"] = new JsonObject { ["Value #A"] = "drifted", ["Value #B"] = "score" },
                    },
                })
            .Flag("no", "drift", field: "drifted")
            .Options(new JsonObject
            {
                ["showHeader"] = true,
                ["sortBy"] = new JsonArray(new JsonObject { ["displayName"] = "drifted", ["desc"] = true }),
            })
            .ToJson();
    }

    private static IEnumerable<JsonObject> Concept(PipelineDefinition pipeline, MonitoringQueries queries, IReadOnlyList<MonitoredLimit> limits)
    {
        var concept = pipeline.Monitoring.Concept;
        yield return GrafanaLayout.Row("Concept drift (labelled feedback)");
        yield return new GrafanaPanel("stat", "Concept drift", 6, 8)
            .Describe($"Whether the {concept.Detector} detector (monitoring.concept.detector) found a change in the errors on labelled feedback.")
            .Latest("A", queries.ConceptDrift, "{{detector}}")
            .Flag("Stable", "Drift")
            .Options(LatestValue("background", "value_and_name")).ToJson();
        var metrics = new GrafanaPanel("timeseries", "Window metrics", 18, 8)
            .Describe($"Each window of {concept.Window} labelled predictions (monitoring.concept.window); lines mark monitoring.concept.min.")
            .Query("A", queries.WindowMetrics, "{{metric}}");
        foreach (var limit in limits.Where(l => l.Key.StartsWith(ConceptMinimum, StringComparison.Ordinal)))
        {
            metrics.LimitByName(limit.Key[ConceptMinimum.Length..], limit);
        }

        yield return metrics.Options(TimeSeriesOptions()).ToJson();
    }

    private static IEnumerable<JsonObject> Verdict(MonitoringQueries queries)
    {
        yield return GrafanaLayout.Row("Monitor");
        yield return new GrafanaPanel("stat", "Served version", 6, 4)
            .Describe("The model version the scoring servers report (mlops_model_info); empty when none is up.")
            .Latest("A", queries.ServedVersions, "{{version}}")
            .Options(LatestValue("none", "name")).ToJson();
        yield return new GrafanaPanel("stat", "Last Monitor run", 6, 4)
            .Describe($"Time since Monitor last ran; red from {MonitoringQueries.StaleAfter.TotalDays} days, when the alert ModelMonitorStale fires.")
            .Unit("s")
            .Latest("A", queries.MonitorAge, "age")
            .Thresholds(GrafanaThresholds.Above(MonitoringQueries.StaleAfter.TotalSeconds))
            .Options(LatestValue("background")).ToJson();
        yield return new GrafanaPanel("stat", "Monitor verdict", 6, 4)
            .Describe("Whether Monitor's last run breached a threshold (its exit code 3).")
            .Latest("A", queries.MonitorBreached, "verdict")
            .Flag("Passed", "Breached")
            .Options(LatestValue("background")).ToJson();
        yield return new GrafanaPanel("stat", "Objectives at the last run", 6, 4)
            .Describe("The service level objectives (monitoring.slo) as Monitor found them at its last run.")
            .Latest("A", queries.ObjectivesBreached, "{{objective}}")
            .Flag("met", "breached")
            .Options(LatestValue("background", "value_and_name")).ToJson();
    }

    private static string Tests(MonitoringSection monitoring)
    {
        static string Of(DriftMethodSection? test) => test is null ? "Evidently's default"
            : test.Threshold is { } threshold ? $"{Name(test.Method)} ({MonitoringQueries.Number(threshold)})" : Name(test.Method);
        var columns = monitoring.Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {Of(c.Value)}").ToList();
        return $"Tests: numeric {Of(monitoring.Numeric)}, categorical {Of(monitoring.Categorical)}"
            + (columns.Count > 0 ? $"; {string.Join(", ", columns)}." : ".");
    }

    private static string Name(DriftMethod method) => YamlBinder.SnakeCase(method.ToString());
}
