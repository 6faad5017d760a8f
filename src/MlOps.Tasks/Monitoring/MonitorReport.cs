using System.Globalization;

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

    /// <summary>
    /// What breached a threshold, one line each: dataset drift (<paramref name="driftShareAt"/> is where
    /// monitoring.drift_share is written), a concept drift detection, a window limit, a service objective.
    /// </summary>
    public static IReadOnlyList<string> BreachesOf(DataDrift data, ConceptDrift? concept, ServiceCheck? service, string driftShareAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var breaches = new List<string>();
        if (data.DatasetDrift)
        {
            breaches.Add(string.Create(CultureInfo.InvariantCulture,
                $"dataset drift: {data.Drifted} of {data.Tested} columns drifted ({data.Share:P0}), at least monitoring.drift_share {data.DriftShare:0.##} ({driftShareAt})"));
        }

        if (concept?.Detections is { Count: > 0 } detections)
        {
            breaches.Add(string.Create(CultureInfo.InvariantCulture,
                $"concept drift: {concept.Detector} signalled drift in the prediction errors {detections.Count} time{(detections.Count > 1 ? "s" : "")}, "
                + $"first at labelled prediction {detections[0].Index + 1} of {concept.Matched} ({detections[0].Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)"));
        }

        breaches.AddRange(concept?.Breaches ?? []);
        breaches.AddRange(service?.Breaches ?? []);
        return breaches;
    }

    /// <summary>Whether anything breached a threshold (Monitor then exits 3).</summary>
    public bool Breached => Breaches.Count > 0;
}

