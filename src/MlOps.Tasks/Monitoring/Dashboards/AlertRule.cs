namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>One alerting rule of a Prometheus rules file, in the file's key order.</summary>
/// <param name="Alert">The alert's name.</param>
/// <param name="Expr">The PromQL condition; the alert is pending while it returns series.</param>
/// <param name="For">How long the condition must hold before the alert fires.</param>
/// <param name="Labels">Labels added to the alert: severity and model.</param>
/// <param name="Annotations">summary and description, Prometheus templates.</param>
internal sealed record AlertRule(
    string Alert,
    string Expr,
    string For,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations);
