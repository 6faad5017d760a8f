namespace MlOps.Tasks.Artifacts;

/// <summary>Validate's node of metrics.json: its measurements and checks, then its verdict as a gate.</summary>
public sealed record ValidationVerdict
{
    /// <summary>Whether every check passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>The metrics Validate measured on the held-out rows, by name.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>The comparison with the production version, when there is one.</summary>
    public ChampionComparison? Champion { get; init; }

    /// <summary>Every metric gate checked.</summary>
    public IReadOnlyList<CheckResult>? Checks { get; init; }

    /// <summary>Every behavioural test run.</summary>
    public IReadOnlyList<BehaviourSummary>? Behaviour { get; init; }

    /// <summary>The fingerprint of what Validate read (see <see cref="GateVerdict.Fingerprint"/>).</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The one-line summary the build printed.</summary>
    public string? Summary { get; init; }

    /// <summary>The gate's verdict alone.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public GateVerdict Verdict => new(Passed, Fingerprint, Summary);
}
