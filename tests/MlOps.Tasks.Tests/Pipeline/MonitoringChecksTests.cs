using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class MonitoringChecksTests
{
    // The monitoring section a test appends starts on line 15.
    private static readonly string Head = PipelineYaml.Named("p").WithEveryColumnType().Then("monitoring:\n");

    private static PipelineDefinition Load(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + yaml);
        return PipelineFile.Load(temp.Path, "pipelines/p.yaml");
    }

    private static string LoadFails(string yaml) => Assert.Throws<InvalidFileException>(() => Load(yaml))!.Message;

    [Test]
    public void Should_Read_A_Usable_Monitoring_Section()
    {
        // When
        var monitoring = Load("""
              drift_share: 1
              ignore: [email, owner]
              log_inputs: true
              numeric: { method: wasserstein, threshold: 0.2 }
              categorical: { method: chisquare, threshold: 0.01 }
              columns:
                owner: { method: z }
                income: { method: ks }
              concept:
                detector: page_hinkley
                mode: up
                settings: { threshold: 20, min_instances: 10 }
                window: 1
                min: { auc: 0.6 }
                max: { log_loss: 0.8 }
              slo:
                p99_latency_ms: 0
                max_error_rate: 1
            """).Monitoring;

        // Then
        Assert.That((monitoring.DriftShare, monitoring.LogInputs, monitoring.Ignore.Count), Is.EqualTo((1.0, true, 2)));
        Assert.That((monitoring.Numeric!.Method, monitoring.Numeric.Threshold), Is.EqualTo((DriftMethod.Wasserstein, (double?)0.2)));
        Assert.That(monitoring.Columns["owner"].Method, Is.EqualTo(DriftMethod.Z));
        Assert.That((monitoring.Concept.Mode, monitoring.Concept.Settings["threshold"], monitoring.Concept.Window), Is.EqualTo(("up", 20.0, 1)));
        Assert.That((monitoring.Slo.P99LatencyMs, monitoring.Slo.MaxErrorRate), Is.EqualTo(((double?)0, (double?)1)));
    }

    [TestCase("  drift_share: 0\n", "pipelines/p.yaml:15:16: 'monitoring.drift_share' is 0; expected a share above 0 and at most 1 (Evidently's default is 0.5).")]
    [TestCase("  drift_share: 1.5\n", "pipelines/p.yaml:15:16: 'monitoring.drift_share' is 1.5; expected a share above 0 and at most 1 (Evidently's default is 0.5).")]
    [TestCase("  ignore: [income, salary]\n", "pipelines/p.yaml:15:11: 'monitoring.ignore' names 'salary', which is not in schema.columns.")]
    [TestCase("  columns:\n    salary: { method: psi }\n", "pipelines/p.yaml:16:5: 'monitoring.columns' names 'salary', which is not in schema.columns.")]
    [TestCase("  columns:\n    email: { method: psi }\n", "pipelines/p.yaml:16:5: 'monitoring.columns.email': " +
        "text columns are not tested for drift; only numeric, categorical and boolean ones.")]
    [TestCase("  columns:\n    id: { method: psi }\n", "pipelines/p.yaml:16:5: 'monitoring.columns.id': " +
        "id columns are not tested for drift; only numeric, categorical and boolean ones.")]
    public void Should_Refuse_Columns_Monitor_Cannot_Test(string yaml, string message)
    {
        // When
        var error = LoadFails(yaml);

        // Then
        Assert.That(error, Is.EqualTo(message));
    }

    [TestCase("  columns:\n    region: { method: ks }\n", "pipelines/p.yaml:16:23: 'monitoring.columns.region.method' is ks, " +
        "which needs numbers; categories take chisquare, z, jensenshannon, psi, kl or hellinger.")]
    [TestCase("  columns:\n    owner: { method: wasserstein }\n", "pipelines/p.yaml:16:22: 'monitoring.columns.owner.method' is wasserstein, " +
        "which needs numbers; categories take chisquare, z, jensenshannon, psi, kl or hellinger.")]
    [TestCase("  categorical: { method: ks }\n", "pipelines/p.yaml:15:26: 'monitoring.categorical.method' is ks, " +
        "which needs numbers; categories take chisquare, z, jensenshannon, psi, kl or hellinger.")]
    [TestCase("  numeric: { method: ks, threshold: 1 }\n", "pipelines/p.yaml:15:37: 'monitoring.numeric.threshold' is 1; " +
        "ks compares a p-value, so expected a number between 0 and 1 (e.g. 0.05).")]
    [TestCase("  categorical: { method: chisquare, threshold: 0 }\n", "pipelines/p.yaml:15:48: 'monitoring.categorical.threshold' is 0; " +
        "chisquare compares a p-value, so expected a number between 0 and 1 (e.g. 0.05).")]
    [TestCase("  columns:\n    income: { method: z, threshold: 1.5 }\n", "pipelines/p.yaml:16:37: 'monitoring.columns.income.threshold' is 1.5; " +
        "z compares a p-value, so expected a number between 0 and 1 (e.g. 0.05).")]
    [TestCase("  numeric: { method: psi, threshold: 0 }\n", "pipelines/p.yaml:15:38: 'monitoring.numeric.threshold' is 0; " +
        "psi is a distance, so expected a number above 0 (e.g. 0.1).")]
    [TestCase("  numeric: { method: kl, threshold: .inf }\n", "pipelines/p.yaml:15:37: 'monitoring.numeric.threshold' is Infinity; " +
        "kl is a distance, so expected a number above 0 (e.g. 0.1).")]
    public void Should_Refuse_A_Method_Or_Threshold_The_Column_Cannot_Take(string yaml, string message)
    {
        // When
        var error = LoadFails(yaml);

        // Then
        Assert.That(error, Is.EqualTo(message));
    }

    [TestCase("  concept:\n    detector: cusum\n", "pipelines/p.yaml:16:15: 'monitoring.concept': Unknown drift detector 'cusum'; detectors: page_hinkley, ddm, adwin.")]
    [TestCase("  concept:\n    detector: ddm\n    settings: { delta: 0.1 }\n", "pipelines/p.yaml:17:15: 'monitoring.concept': " +
        "Drift detector 'ddm' has no setting 'delta'; its settings: warm_start, warning_threshold, drift_threshold.")]
    [TestCase("  concept:\n    detector: adwin\n    mode: up\n", "pipelines/p.yaml:17:11: 'monitoring.concept': Only page_hinkley takes a mode; 'adwin' has none.")]
    [TestCase("  concept:\n    settings: { threshold: -1 }\n", "pipelines/p.yaml:16:15: 'monitoring.concept': Page-Hinkley's threshold must be a finite number above 0, not -1.")]
    [TestCase("  concept:\n    window: 0\n", "pipelines/p.yaml:16:13: 'monitoring.concept.window' is 0; expected at least 1 labelled prediction per window.")]
    [TestCase("  concept:\n    min: { gini: 0.5 }\n", "pipelines/p.yaml:16:10: 'monitoring.concept.min' names 'gini'; " +
        "expected one of auc, auc_pr, accuracy, precision, recall, f1, log_loss, brier, calibration_error.")]
    [TestCase("  concept:\n    window: 10\n    max: { mse: 0.5 }\n", "pipelines/p.yaml:17:10: 'monitoring.concept.max' names 'mse'; " +
        "expected one of auc, auc_pr, accuracy, precision, recall, f1, log_loss, brier, calibration_error.")]
    public void Should_Refuse_What_River_Or_The_Windows_Cannot_Take(string yaml, string message)
    {
        // When
        var error = LoadFails(yaml);

        // Then
        Assert.That(error, Is.EqualTo(message));
    }

    [TestCase("  slo:\n    p99_latency_ms: -1\n", "pipelines/p.yaml:16:21: 'monitoring.slo.p99_latency_ms' is -1; expected a number of at least 0.")]
    [TestCase("  slo:\n    min_request_rate: -0.5\n", "pipelines/p.yaml:16:23: 'monitoring.slo.min_request_rate' is -0.5; expected a number of at least 0.")]
    [TestCase("  slo:\n    max_error_rate: 1.5\n", "pipelines/p.yaml:16:21: 'monitoring.slo.max_error_rate' is 1.5; expected a share from 0 to 1 (e.g. 0.01).")]
    [TestCase("  slo:\n    max_rejected_rate: -0.1\n", "pipelines/p.yaml:16:24: 'monitoring.slo.max_rejected_rate' is -0.1; expected a share from 0 to 1 (e.g. 0.01).")]
    public void Should_Refuse_An_Objective_No_Server_Can_Be_Held_To(string yaml, string message)
    {
        // When
        var error = LoadFails(yaml);

        // Then
        Assert.That(error, Is.EqualTo(message));
    }
}
