namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>A group of alerting rules, evaluated together at the global evaluation interval.</summary>
/// <param name="Name">Unique within the rules file.</param>
/// <param name="Rules">The rules, in order.</param>
internal sealed record AlertGroup(string Name, IReadOnlyList<AlertRule> Rules);
