namespace MlOps.Tasks.Tracking;

public static partial class StoreCopy
{
    // Before any row names them, as everywhere in the store: to the target's artifact root when it has one (an upload is skipped when
    // the root has the same SHA-256), else into its folder (skipped when a file of the same size is there).
    private static (int Copied, int Present) CopyArtifacts(TrackingStore source, TrackingStore target, StoreSnapshot history, HashSet<string> targetRuns)
    {
        var (copied, present) = (0, 0);
        var artifacts = history.Artifacts;
        foreach (var row in artifacts.Rows.Where(row => !targetRuns.Contains(artifacts.Text(row, "run_id"))))
        {
            var (runId, name) = (artifacts.Text(row, "run_id"), artifacts.Text(row, "name"));
            var (size, sha256) = (artifacts.Number(row, "size"), artifacts.Text(row, "sha256"));
            var file = source.Runs.ArtifactFile(runId, name);
            if (!source.Connection.Artifacts.Fetch(runId, name, file, size, sha256))
            {
                throw new UsageException($"{file} is missing: run {runId} recorded artifact '{name}' ({size} bytes), and {target.Database} " +
                    "needs it for every machine; restore the file and copy again; no row was copied.");
            }

            var wasCopied = target.ArtifactRoot is not null
                ? target.Connection.Artifacts.Upload(runId, name, file, sha256)
                : CopyFile(file, target.Runs.ArtifactFile(runId, name), size);
            (copied, present) = wasCopied ? (copied + 1, present) : (copied, present + 1);
        }

        return (copied, present);
    }

    private static bool CopyFile(string file, string destination, long size)
    {
        if (File.Exists(destination) && new FileInfo(destination).Length == size)
        {
            return false;
        }

        using var staged = StagedArtifact.Copy(file, destination);
        staged.Publish();
        return true;
    }
}
