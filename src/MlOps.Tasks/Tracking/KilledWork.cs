using System.Globalization;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// What builds killed mid-way left behind, cleared by the next run: runs still marked Running whose process is gone
/// (now Killed), and temporary files whose writer is gone in the store's <c>artifacts/</c> and the repository's
/// <c>.dvc/cache</c>. Nothing a live process (of this machine or another) works on is touched.
/// </summary>
/// <param name="Runs">The runs marked Killed.</param>
/// <param name="RemovedFiles">The temporary files removed (full paths).</param>
public sealed record KilledWork(IReadOnlyList<StaleRun> Runs, IReadOnlyList<string> RemovedFiles)
{
    /// <summary>Marks the stale runs of <paramref name="store"/> Killed and removes the temporary files killed processes left.</summary>
    public static KilledWork CleanUp(TrackingStore store, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(store);
        var runs = store.Runs.MarkStaleRunsKilled();
        var files = CleanUpCache(repositoryRoot).RemovedFiles.Concat(TemporaryFile.RemoveLeftovers(Path.Combine(store.Directory, "artifacts"))).ToList();
        return new KilledWork(runs, files);
    }

    /// <summary>Removes the temporary files killed processes left in the repository's <c>.dvc/cache</c> (for TrackData, which opens no store).</summary>
    public static KilledWork CleanUpCache(string repositoryRoot) =>
        new([], TemporaryFile.RemoveLeftovers(Path.Combine(repositoryRoot, ".dvc", "cache")));

    /// <summary>What was cleared, one line each, paths relative to <paramref name="repositoryRoot"/>.</summary>
    public IEnumerable<string> Describe(string repositoryRoot)
    {
        foreach (var run in Runs)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"run {run.Id} was left Running by process {run.Pid} on {run.Host}, which is gone; marked it Killed.");
        }

        if (RemovedFiles.Count > 0)
        {
            var names = RemovedFiles.Select(file => Path.GetRelativePath(repositoryRoot, file));
            yield return string.Create(CultureInfo.InvariantCulture, $"removed {RemovedFiles.Count} temporary files whose writer is gone: {string.Join(", ", names)}.");
        }
    }
}
