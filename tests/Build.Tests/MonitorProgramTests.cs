using System.Text;
using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>Monitor as a user meets it: the sample's drifted batch, a batch from the training distribution, retraining, and a deployment's logged traffic with feedback.</summary>
[Category("Slow")]
public sealed class MonitorProgramTests
{
    private const string Folder = "artifacts/credit-scoring/monitoring";

    /// <summary>The generator's current batch without its drift: the training distribution, another seed.</summary>
    private static readonly (string, string) NoDrift =
        ("      age_bias: 0.5\n", "      age_bias: 0.5\n      drift_income_shift: 0\n      drift_new_purpose: 0\n      drift_missing: 0.01\n");

    [Test]
    public void Should_Flag_Exactly_The_Columns_The_Sample_Drifts_And_Exit_3()
    {
        // Given: the sample's current batch shifts income (and so loan_amount, drawn from it) and adds the purpose crypto
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);

        // When
        var result = build.Run("--target=Monitor", "--current=data/current.csv");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Monitor: reference data/credit.csv (the newest validated data; nothing is deployed)")
            .And.Match(@"dataset drift: 3 of 18 columns drifted \(17 %\), at least monitoring.drift_share 0.1 \(pipelines/credit-scoring.yaml:\d+:\d+\)"));
        Assert.That(result.Errors, Does.Contain("Monitor: 1 threshold breached"));
        using var drift = JsonDocument.Parse(File.ReadAllText(build.Repository[$"{Folder}/drift.json"]));
        var columns = drift.RootElement.GetProperty("data_drift").GetProperty("columns").EnumerateArray().ToList();
        Assert.That(columns.Where(c => c.GetProperty("drift_detected").GetBoolean()).Select(c => c.GetProperty("column").GetString()),
            Is.EquivalentTo(new[] { "income", "loan_amount", "purpose" }));
        Assert.That(columns.Select(c => c.GetProperty("stat_test").GetString()), Is.All.AnyOf("wasserstein", "jensenshannon"),
            "20,000 reference rows: Evidently's distances");
        var purpose = columns.Single(c => c.GetProperty("column").GetString() == "purpose");
        Assert.That(purpose.GetProperty("psi_band").GetString(), Is.EqualTo("major"));
        Assert.That(purpose.GetProperty("bins").EnumerateArray().Select(b => b.GetProperty("label").GetString()), Does.Contain("crypto"));
        foreach (var file in new[] { "drift.html", "monitor.prom", "grafana-dashboard.json", "alert-rules.yml" })
        {
            Assert.That(build.Repository[$"{Folder}/{file}"], Does.Exist);
        }

        Assert.That(File.ReadAllText(build.Repository[$"{Folder}/monitor.prom"]), Does.Contain("mlops_drift_dataset_drift{model=\"credit-scoring\"} 1")
            .And.Contain("mlops_drift_column_drift{model=\"credit-scoring\",column=\"income\",method=\"wasserstein\"} 1"));
    }

    [Test]
    public void Should_Flag_Nothing_On_A_Batch_From_The_Training_Distribution()
    {
        // Given: the generator's current batch with no drift (another seed than the training rows)
        using var build = BuildProgram.QuickSample(NoDrift);
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);

        // When: Monitor's default current data is data.current when nothing is deployed
        var result = build.Run("--target=Monitor");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Monitor: current data/current.csv (data.current; nothing is deployed to 'local')")
            .And.Match(@"Monitor\s+ran\s+\S+\s+0/18 columns drifted"));
        using var drift = JsonDocument.Parse(File.ReadAllText(build.Repository[$"{Folder}/drift.json"]));
        Assert.That(drift.RootElement.GetProperty("breached").GetBoolean(), Is.False);
        Assert.That(drift.RootElement.GetProperty("data_drift").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("drift_detected").GetBoolean()),
            Is.All.False);
    }

    [Test]
    public void Should_Use_The_Tests_The_Pipeline_File_Names()
    {
        // Given: KS for numbers and chi-square for categories on a 1,000-row reference, PSI for income
        using var build = BuildProgram.QuickSample(
            ("  drift_share: 0.1 ", "  numeric: { method: ks }\n  categorical: { method: chisquare, threshold: 0.01 }\n"
                + "  columns:\n    income: { method: psi, threshold: 0.2 }\n  ignore: [email, phone_verified]\n  drift_share: 0.1 "));
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        var reference = string.Join('\n', File.ReadLines(build.Repository["data/credit.csv"]).Take(1001)) + "\n";
        build.Repository.Write("reference.csv", Encoding.UTF8.GetBytes(reference));

        // When
        var result = build.Run("--target=Monitor", "--reference=reference.csv", "--current=data/current.csv");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        using var drift = JsonDocument.Parse(File.ReadAllText(build.Repository[$"{Folder}/drift.json"]));
        var columns = drift.RootElement.GetProperty("data_drift").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("column").GetString()!, c => c);
        Assert.That(columns.Keys, Does.Not.Contain("phone_verified"));
        Assert.That(columns["age"].GetProperty("stat_test").GetString(), Is.EqualTo("ks"));
        Assert.That(columns["age"].GetProperty("exact").GetBoolean(), Is.True, "1,000 and 5,000 rows: scipy's exact p-value");
        Assert.That(columns["region"].GetProperty("stat_test").GetString(), Is.EqualTo("chisquare"));
        Assert.That(columns["region"].GetProperty("threshold").GetDouble(), Is.EqualTo(0.01));
        Assert.That(columns["income"].GetProperty("stat_test").GetString(), Is.EqualTo("psi"));
        Assert.That(columns["income"].GetProperty("score").GetDouble(), Is.EqualTo(columns["income"].GetProperty("psi").GetDouble()));
        Assert.That(columns["purpose"].GetProperty("drift_detected").GetBoolean(), Is.True, "crypto is absent from the reference: chi-square is infinite");
    }

    [Test]
    public void Should_Retrain_On_The_Current_Batch_When_Drift_Is_Found_And_Say_What_Happened()
    {
        // Given: the drifted batch holds the purpose crypto, which the expectations do not allow
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);

        // When
        var result = build.Run("--target=Monitor", "--current=data/current.csv", "--retrain");

        // Then: the training pipeline ran on the batch, and its data gate refused it
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Monitor: drift found; retraining on data/current.csv: ./build.sh --target=Default --table=data/current.csv")
            .And.Contain("expect_column_distinct_values_to_be_in_set")
            .And.Contain("Monitor: retrained on data/current.csv: a gate refused the new data or model (above); staging is unchanged."));
    }

    [Test]
    public void Should_Refuse_What_It_Cannot_Read_With_Exit_2()
    {
        // Given
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);

        // When
        var missing = build.Run("--target=Monitor", "--current=data/nowhere.csv");
        var feedback = build.Run("--target=Monitor", "--current=data/current.csv", "--feedback=data/credit.csv");

        // Then
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.Output + missing.Errors);
        Assert.That(missing.Errors, Does.Contain("data/nowhere.csv (--current) does not exist."));
        Assert.That(feedback.ExitCode, Is.EqualTo(2), feedback.Output + feedback.Errors);
        Assert.That(feedback.Errors, Does.Contain("Feedback is joined to the predictions a deployed server logged, but nothing is deployed to 'local'"));
    }

    [Test]
    public async Task Should_Watch_A_Deployment_Its_Logged_Inputs_Feedback_And_Objectives()
    {
        // Given: v1 deployed locally, 1,000 rows of the drifted batch sent to it in batches of 50
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        Assert.That(build.Run("--target=Deploy").ExitCode, Is.Zero);
        var lines = File.ReadAllLines(build.Repository["data/current.csv"]);
        var header = lines[0][..lines[0].LastIndexOf(',')];
        using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}") })
        {
            foreach (var chunk in lines.Skip(1).Take(1000).Chunk(50))
            {
                var body = header + "\n" + string.Join('\n', chunk.Select(l => l[..l.LastIndexOf(',')])) + "\n";
                using var answer = await client.PostAsync("/invocations", new StringContent(body, Encoding.UTF8, "text/csv"));
                Assert.That((int)answer.StatusCode, Is.EqualTo(200));
            }
        }

        // The outcomes of those applications, by their id column.
        var outcomes = "id,default\n" + string.Join('\n', lines.Skip(1).Take(1000).Select(l => $"{l[..l.IndexOf(',')]},{l[(l.LastIndexOf(',') + 1)..]}")) + "\n";
        build.Repository.Write("feedback.csv", Encoding.UTF8.GetBytes(outcomes));

        // When
        var result = build.Run("--target=Monitor", "--feedback=feedback.csv");
        var tomorrow = build.Run("--target=Monitor", $"--since={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Monitor: reference data/credit.csv (the data v1 was trained on, md5 ")
            .And.Contain("Monitor: current the inputs v1 logged in environment 'local'")
            .And.Contain("not in the current data: default")
            .And.Contain("Monitor: feedback feedback.csv: 1000 of 1000 rows joined to predictions; page_hinkley: no drift")
            .And.Contain($"Monitor: service http://127.0.0.1:{deployed.LocalPort}: requests 21 "), "20 and Deploy's check of held-out rows");
        using var drift = JsonDocument.Parse(File.ReadAllText(build.Repository[$"{Folder}/drift.json"]));
        var root = drift.RootElement;
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("data_drift").GetProperty("current_rows").GetInt64(), Is.EqualTo(1005), "and the 5 held-out rows Deploy checked");
        Assert.That(root.GetProperty("data_drift").GetProperty("columns").EnumerateArray()
            .Where(c => c.GetProperty("drift_detected").GetBoolean()).Select(c => c.GetProperty("column").GetString()),
            Is.EquivalentTo(new[] { "income", "loan_amount", "purpose" }));
        var concept = root.GetProperty("concept_drift");
        Assert.That(concept.GetProperty("matched").GetInt32(), Is.EqualTo(1000));
        Assert.That(concept.GetProperty("windows").GetArrayLength(), Is.EqualTo(2));
        var service = root.GetProperty("service");
        Assert.That(service.GetProperty("health").GetProperty("requests").GetInt64(), Is.EqualTo(21));
        Assert.That(tomorrow.ExitCode, Is.EqualTo(2), tomorrow.Output + tomorrow.Errors);
        Assert.That(tomorrow.Errors, Does.Contain("holds no scored requests in the window asked for"));
        Assert.That(service.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("objective").GetString()),
            Is.EquivalentTo(new[] { "p99_latency_ms", "max_error_rate", "max_rejected_rate" }));
    }
}
