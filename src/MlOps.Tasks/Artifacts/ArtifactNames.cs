namespace MlOps.Tasks.Artifacts;

/// <summary>The files of artifacts/&lt;pipeline&gt;/, by the name each task writes and the next one reads.</summary>
public static class ArtifactNames
{
    /// <summary>The signed model bundle Train writes.</summary>
    public const string Bundle = "model" + MlOps.Models.Bundles.ModelBundle.Extension;

    /// <summary>The public key that verifies <see cref="Bundle"/>.</summary>
    public const string PublicKey = "signing-key.pub.pem";

    /// <summary>Train's metrics, with the gates' verdicts added by Validate, BiasCheck and Report.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Validate's scored held-out rows.</summary>
    public const string Predictions = "predictions.csv";

    /// <summary>BiasCheck's metric frames and violations.</summary>
    public const string Fairness = "fairness.json";

    /// <summary>BuildImage's record of the image it built (or reused) for the staging version.</summary>
    public const string Image = "image.json";

    /// <summary>ValidateData's verdict on the table: the schema check and every expectation.</summary>
    public const string DataValidation = "validation.json";

    /// <summary>ValidateData's per-column statistics of the table.</summary>
    public const string Profile = "profile.json";

    /// <summary>Report's model card.</summary>
    public const string ModelCard = "model-card.md";

    /// <summary>Report's HTML report.</summary>
    public const string Report = "report.html";

    /// <summary>The folder under artifacts/&lt;pipeline&gt;/ where Monitor writes the files below.</summary>
    public const string MonitoringFolder = "monitoring";

    /// <summary>Monitor's drift report (in <see cref="MonitoringFolder"/>).</summary>
    public const string Drift = "drift.json";

    /// <summary>Monitor's drift report as a page (in <see cref="MonitoringFolder"/>).</summary>
    public const string DriftPage = "drift.html";

    /// <summary>Monitor's verdicts for node_exporter's textfile collector (in <see cref="MonitoringFolder"/>).</summary>
    public const string MonitorTextfile = "monitor.prom";

    /// <summary>Monitor's Grafana dashboard (in <see cref="MonitoringFolder"/>).</summary>
    public const string GrafanaDashboard = "grafana-dashboard.json";

    /// <summary>Monitor's Prometheus alert rules (in <see cref="MonitoringFolder"/>).</summary>
    public const string AlertRules = "alert-rules.yml";
}
