namespace MlOps.Tasks.Monitoring;

/// <summary>What Monitor found and wrote.</summary>
public sealed record MonitorOutcome
{
    /// <summary>The report written to drift.json, drift.html and monitor.prom.</summary>
    public required MonitorReport Report { get; init; }

    /// <summary>The folder the outputs went to, relative to the repository.</summary>
    public required string Folder { get; init; }

    /// <summary>One line for the build summary: columns drifted, dataset drift, breaches.</summary>
    public required string Note { get; init; }

    /// <summary>The failure to report when a threshold was breached, else null.</summary>
    public string? Breach => Report.Breached
        ? $"Monitor: {Report.Breaches.Count} threshold{(Report.Breaches.Count > 1 ? "s" : "")} breached (above; details in {Folder}/drift.html)."
        : null;
}
