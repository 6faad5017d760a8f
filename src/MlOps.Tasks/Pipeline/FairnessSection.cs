namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>fairness</c> section: limits BiasCheck holds the candidate to, over schema.protected.</summary>
public sealed record FairnessSection : PipelineSection
{
    /// <summary>
    /// The label value that is the good outcome for the person (for a default model: "0", not defaulting).
    /// Rates are measured for it: selection rate is the rate of favourable predictions, equal opportunity
    /// compares how often those who deserve it get it. Default: schema.positive.
    /// </summary>
    public string? Favourable { get; init; }

    /// <summary>
    /// The protected attributes whose limits decide the gate (default: all of schema.protected). The
    /// others, and intersections with them, are measured and reported only.
    /// </summary>
    public IReadOnlyList<string> Gate { get; init; } = [];

    /// <summary>Groups with fewer rows are reported and flagged, but do not decide the gate.</summary>
    public int MinGroupSize { get; init; } = 30;

    /// <summary>The privileged group of an attribute, for disparate impact (AIF360), e.g. <c>gender: male</c>.</summary>
    public IReadOnlyDictionary<string, string> Privileged { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Upper limits, e.g. <c>demographic_parity_difference: 0.2</c>.</summary>
    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Lower limits, e.g. <c>disparate_impact: 0.8</c> (the four-fifths rule, checked by default when a privileged group is named).</summary>
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
