namespace MlOps.Tasks.Tracking;

/// <summary>
/// Copies a store's history — runs with their params, metrics, tags and artifacts, the registry with its alias history, the deployment
/// history — into another store, e.g. a machine's SQLite store into the team's PostgreSQL store. Idempotent: what the target has already
/// (a run, a version, a deployment, by key) is left as it is, so a copy that was stopped, or one made again after more work here, completes.
/// </summary>
public static partial class StoreCopy
{
    /// <summary>
    /// Copies <paramref name="source"/>'s history into the store at <paramref name="target"/>: first checks that the target's registry
    /// agrees with this one (nothing is written otherwise), then brings the artifacts of the runs it lacks to its artifact root or folder,
    /// then writes every row in one transaction, so that a copy killed midway leaves the target's rows as they were.
    /// </summary>
    /// <exception cref="UsageException">
    /// The target is this store; it has another history for a model (a version with another run or bundle); or an artifact is missing here.
    /// </exception>
    /// <exception cref="StoreUnavailableException">The target cannot be reached.</exception>
    public static StoreCopyReport Copy(TrackingStore source, StoreLocation target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Database == source.Location.Database)
        {
            throw new UsageException($"{target.Display} is the store being copied; name another store to copy its history to.");
        }

        var from = source.Connection;
        var history = from.Read(() => StoreSnapshot.Read(from));
        using var store = TrackingStore.Open(target);
        var to = store.Connection;
        CheckRegistry(history, to.Read(() => TargetKeys.Read(to)), to.Database);
        var (copied, present) = CopyArtifacts(source, store, history, to.Read(() => TargetKeys.Read(to)).Runs);
        return to.Write(() =>
        {
            var keys = TargetKeys.Read(to);
            CheckRegistry(history, keys, to.Database);
            var (runs, versions, moves, deployments) = WriteRows(history, keys, to, from.Directory);
            return new StoreCopyReport
            {
                Target = to.Database,
                Runs = runs,
                RunsPresent = history.Runs.Rows.Count - runs,
                Versions = versions,
                VersionsPresent = history.Versions.Rows.Count - versions,
                AliasMoves = moves,
                Deployments = deployments,
                ArtifactsCopied = copied,
                ArtifactsPresent = present,
            };
        });
    }

    // Versions are never renumbered: a bundle embeds its version number and its signature covers it.
    private static void CheckRegistry(StoreSnapshot history, TargetKeys keys, string target)
    {
        var versions = history.Versions;
        foreach (var row in versions.Rows)
        {
            var (model, version) = StoreSnapshot.VersionOf(versions, row);
            var (runId, sha256) = (versions.Text(row, "run_id"), versions.Text(row, "bundle_sha256"));
            if (keys.Versions.TryGetValue((model, version), out var there) && (there.RunId != runId || there.Sha256 != sha256))
            {
                var what = there.RunId != runId ? $"run {there.RunId}" : $"run {there.RunId} with another bundle (SHA-256 {there.Sha256[..12]}…, here {sha256[..12]}…)";
                throw new UsageException(
                    $"{target} already has another history for model '{model}': its v{version} is {what}, but v{version} here is run {runId}. " +
                    "Versions cannot be renumbered (a bundle embeds its version number); nothing was copied. " +
                    "Copy to another store, or register this model under another name.");
            }
        }
    }
}
