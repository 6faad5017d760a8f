namespace MlOps.Tasks.Monitoring;

/// <summary>Everything one Monitor run found, as drift.json holds it.</summary>
public sealed record MonitorReport
{
    /// <summary>The pipeline's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The deployed version watched, or null when nothing is deployed.</summary>
    public int? Version { get; init; }

    /// <summary>The environment watched.</summary>
    public required string Environment { get; init; }

    /// <summary>When Monitor ran.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The pipeline file the thresholds came from.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Data drift, column by column.</summary>
    public required DataDrift Data { get; init; }

    /// <summary>Concept drift from labelled feedback, when there was feedback.</summary>
    public ConceptDrift? Concept { get; init; }

    /// <summary>The deployed server's health, when something is deployed.</summary>
    public ServiceCheck? Service { get; init; }

    /// <summary>What breached a threshold, one line each; empty when all is well.</summary>
    public IReadOnlyList<string> Breaches { get; init; } = [];

    /// <summary>Whether anything breached a threshold (Monitor then exits 3).</summary>
    public bool Breached => Breaches.Count > 0;
}

