using System.Text.Json;
using MlOps.Tasks.Monitoring;
using MlOps.Testing;
using static MlOps.Tasks.Tests.Monitoring.MonitorReports;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class DriftJsonTests
{
    private static JsonElement Written(MonitorReport report)
    {
        using var temp = new TempDirectory();
        DriftJson.Write(temp["drift.json"], report);
        using var document = JsonDocument.Parse(File.ReadAllText(temp["drift.json"]));
        return document.RootElement.Clone();
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Test]
    public void Should_Name_Every_Member_In_Snake_Case_As_Evidently_Does()
    {
        // When
        var json = Written(Report(DataOf(Column("income", drift: true, score: 0.01, psi: 0.3), Column("region"))));

        // Then
        Assert.That(Names(json), Is.EqualTo(new[] { "model", "version", "environment", "time", "pipeline", "breached", "breaches", "data_drift" }));
        var data = json.GetProperty("data_drift");
        Assert.That(Names(data), Is.EqualTo(new[]
        {
            "reference", "current", "reference_rows", "current_rows", "dataset_drift", "number_of_columns", "number_of_drifted_columns",
            "share_of_drifted_columns", "drift_share", "not_in_current", "columns",
        }));
        var column = data.GetProperty("columns")[0];
        Assert.That(Names(column), Is.EqualTo(new[]
        {
            "column", "type", "stat_test", "is_default", "threshold", "score", "statistic", "exact", "drift_detected", "psi", "psi_band",
            "reference_rows", "current_rows", "reference_missing", "current_missing", "current_invalid", "bins",
        }));
        Assert.That(Names(column.GetProperty("bins")[0]), Is.EqualTo(new[] { "label", "reference", "current" }));
    }

    [Test]
    public void Should_Write_Values_As_Evidently_Names_Them()
    {
        // When
        var json = Written(Report(DataOf(Column("income", drift: true, score: 0.01, psi: 0.3), Column("region"))));

        // Then
        var data = json.GetProperty("data_drift");
        var column = data.GetProperty("columns")[0];
        Assert.That(json.GetProperty("time").GetString(), Is.EqualTo("2026-05-04T12:30:15.250Z"));
        Assert.That((data.GetProperty("dataset_drift").GetBoolean(), data.GetProperty("number_of_drifted_columns").GetInt32(),
            data.GetProperty("share_of_drifted_columns").GetDouble()),
            Is.EqualTo((true, 1, 0.5)));
        Assert.That((column.GetProperty("type").GetString(), column.GetProperty("stat_test").GetString(), column.GetProperty("psi_band").GetString()),
            Is.EqualTo(("numeric", "ks", "major")));
        Assert.That((column.GetProperty("drift_detected").GetBoolean(), column.GetProperty("score").GetDouble()), Is.EqualTo((true, 0.01)));
    }

    [Test]
    public void Should_Leave_Out_Concept_Service_And_What_A_Skipped_Column_Lacks()
    {
        // When
        var json = Written(Report(DataOf(Column("owner", skipped: "no values in the reference") with { Statistic = null, Exact = null, CurrentInvalid = 0, Score = double.NaN })));

        // Then
        Assert.That(json.TryGetProperty("concept_drift", out _), Is.False);
        Assert.That(json.TryGetProperty("service", out _), Is.False);
        var column = json.GetProperty("data_drift").GetProperty("columns")[0];
        Assert.That(Names(column), Does.Not.Contain("statistic").And.Not.Contain("exact").And.Not.Contain("current_invalid")
            .And.Not.Contain("score").And.Not.Contain("psi_band"), "nothing was measured: no NaN, no band");
        Assert.That(column.GetProperty("skipped").GetString(), Is.EqualTo("no values in the reference"));
    }

    [Test]
    public void Should_Write_Concept_Drift_And_Service_When_There_Are_Some()
    {
        // When
        var json = Written(Report(DataOf(Column("income")), Concept(), Service()));

        // Then
        var concept = json.GetProperty("concept_drift");
        Assert.That(Names(concept), Is.EqualTo(new[]
        {
            "feedback", "feedback_rows", "matched", "unmatched_examples", "detector", "drift_detected", "detections", "windows", "breaches",
        }));
        Assert.That(concept.GetProperty("detections")[0].GetProperty("index").GetInt64(), Is.EqualTo(5));
        Assert.That(Names(concept.GetProperty("windows")[0]), Is.EqualTo(new[] { "from", "to", "rows", "positives", "metrics" }));
        Assert.That(Names(concept.GetProperty("windows")[0].GetProperty("metrics")), Is.EqualTo(new[] { "auc", "accuracy", "log_loss" }));
        var service = json.GetProperty("service");
        Assert.That(Names(service), Is.EqualTo(new[] { "address", "health", "objectives" }));
        Assert.That(Names(service.GetProperty("health")), Is.EqualTo(new[]
        {
            "requests", "server_errors", "rejected", "error_rate", "rejected_rate", "p50_latency_ms", "p99_latency_ms", "request_rate",
        }));
        Assert.That(service.GetProperty("objectives")[0].GetProperty("status").GetString(), Is.EqualTo("breached"));
    }
}
