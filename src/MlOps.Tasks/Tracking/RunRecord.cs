namespace MlOps.Tasks.Tracking;

/// <summary>A tracked run (one training or evaluation) with everything logged to it.</summary>
/// <param name="Id">32 lowercase hex characters, as MLflow's run ids.</param>
/// <param name="Experiment">The experiment it belongs to, e.g. the pipeline name.</param>
/// <param name="Name">A name for people, when given.</param>
/// <param name="Status">Running until ended.</param>
/// <param name="Start">When it started (UTC).</param>
/// <param name="End">When it ended (UTC), or null while running.</param>
/// <param name="Params">Parameters; each is written once.</param>
/// <param name="Metrics">The latest value of each metric: the one at the highest step, the last logged on a tie.</param>
/// <param name="Tags">Tags; a tag set again replaces the value.</param>
/// <param name="Artifacts">Stored files, by name.</param>
public sealed record RunRecord(
    string Id,
    string Experiment,
    string? Name,
    RunStatus Status,
    DateTimeOffset Start,
    DateTimeOffset? End,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<ArtifactRecord> Artifacts)
{
    /// <summary>How long the run took, or null while it runs.</summary>
    public TimeSpan? Duration => End - Start;
}
