namespace MlOps.Tasks.Artifacts;

/// <summary>The candidate against the production version on the held-out rows neither trained on, in metrics.json.</summary>
/// <param name="Version">The production version.</param>
/// <param name="Rows">How many rows were compared on.</param>
/// <param name="Metrics">The production version's metrics on them.</param>
/// <param name="CandidateMetrics">The candidate's metrics on them.</param>
/// <param name="NotCompared">Why the two could not be compared, or null when they were.</param>
public sealed record ChampionComparison(int Version, int Rows, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> CandidateMetrics, string? NotCompared);
