namespace MlOps.Tasks.Monitoring;

/// <summary>The verdict of a Monitor run as drift.json (<see cref="DriftJson"/>) holds it: what was watched and what breached.</summary>
public sealed record DriftVerdict
{
    /// <summary>The pipeline's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The deployed version watched, or null when nothing is deployed.</summary>
    public int? Version { get; init; }

    /// <summary>The environment watched.</summary>
    public required string Environment { get; init; }

    /// <summary>Whether anything breached a threshold.</summary>
    public required bool Breached { get; init; }

    /// <summary>What breached a threshold, one line each.</summary>
    public IReadOnlyList<string> Breaches { get; init; } = [];

    /// <summary>The data drift verdict.</summary>
    public required DataDriftVerdict DataDrift { get; init; }

    /// <summary>The concept drift verdict, when there was feedback.</summary>
    public ConceptDriftVerdict? ConceptDrift { get; init; }
}
