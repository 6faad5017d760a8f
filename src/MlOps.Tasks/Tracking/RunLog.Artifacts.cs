using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class RunLog
{
    /// <summary>
    /// Stores a copy of <paramref name="sourceFile"/> with the run as <paramref name="name"/> (default: the file's name),
    /// replacing an artifact of that name. The file appears complete or not at all, and the database records its size and SHA-256.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="sourceFile">The file to copy.</param>
    /// <param name="name">A relative path inside the run's artifact folder, e.g. <c>model/model.zip</c>.</param>
    /// <exception cref="UsageException">The run or the file does not exist, or the name leaves the run's folder.</exception>
    public ArtifactRecord LogArtifact(string runId, string sourceFile, string? name = null)
    {
        var artifactName = ArtifactName(name ?? Path.GetFileName(sourceFile));
        if (!File.Exists(sourceFile))
        {
            throw new UsageException($"Cannot log artifact '{artifactName}': '{sourceFile}' does not exist.");
        }

        connection.Read(() =>
        {
            RequireRun(runId);
            return true;
        });
        var path = ArtifactFile(runId, artifactName);
        using var staged = StagedArtifact.Copy(sourceFile, path);
        var logged = connection.Now();

        // Stored for every machine before the row says it exists.
        connection.Artifacts.Upload(runId, artifactName, staged.TemporaryPath, staged.Sha256);

        // Renamed under the write lock, so that the file on disk and its row agree when two processes log the same name.
        connection.Write(() =>
        {
            RequireRun(runId);
            staged.Publish();
            connection.Execute(
                """
                INSERT INTO artifacts (run_id, name, size, sha256, logged_ms) VALUES (@id, @name, @size, @sha256, @logged)
                ON CONFLICT (run_id, name) DO UPDATE SET size = excluded.size, sha256 = excluded.sha256, logged_ms = excluded.logged_ms
                """,
                ("@id", runId), ("@name", artifactName), ("@size", staged.Size), ("@sha256", staged.Sha256), ("@logged", Milliseconds(logged)));
        });
        return new ArtifactRecord(runId, artifactName, path, staged.Size, staged.Sha256, logged);
    }

    /// <summary>The full path of the run's artifact <paramref name="name"/>.</summary>
    /// <exception cref="UsageException">The run has no artifact of that name.</exception>
    public string ArtifactPath(string runId, string name)
    {
        var artifactName = ArtifactName(name);
        var artifacts = connection.Read(() =>
        {
            RequireRun(runId);
            return Artifacts(runId);
        });
        if (!artifacts.Any(artifact => artifact.Name == artifactName))
        {
            var known = artifacts.Count == 0 ? "it has none" : "artifacts: " + string.Join(", ", artifacts.Select(artifact => artifact.Name));
            throw new UsageException($"Run '{runId}' has no artifact '{artifactName}'; {known}.");
        }

        return ArtifactFile(runId, artifactName);
    }

    /// <summary>
    /// Brings the run's artifacts to this machine's folder from the store's artifact root: those missing, or of another size, are downloaded
    /// and checked against the SHA-256 the store recorded. Without a root, those missing stay missing.
    /// </summary>
    /// <exception cref="InvalidDataException">A downloaded artifact is not the one the store recorded.</exception>
    public void Fetch(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var artifact in run.Artifacts)
        {
            connection.Artifacts.Fetch(run.Id, artifact.Name, artifact.Path, artifact.Size, artifact.Sha256);
        }
    }

    private List<ArtifactRecord> Artifacts(string runId) => connection.Query(
        "SELECT name, size, sha256, logged_ms FROM artifacts WHERE run_id = @id ORDER BY name",
        row => new ArtifactRecord(
            runId, row.GetString(0), ArtifactFile(runId, row.GetString(0)), row.GetInt64(1), row.GetString(2), Moment(row.GetInt64(3))),
        ("@id", runId));

    internal string ArtifactFile(string runId, string artifactName) =>
        Path.Combine([connection.Directory, "artifacts", runId, .. artifactName.Split('/')]);

    /// <summary>The name with '/' separators, refused unless it stays inside the run's folder.</summary>
    internal static string ArtifactName(string name)
    {
        var segments = name.Replace('\\', '/').Split('/');
        if (Path.IsPathRooted(name) || segments.Any(segment => segment is "" or "." or ".."))
        {
            throw new UsageException($"Artifact name '{name}' must be a relative path inside the run's folder, without '.' or '..' parts.");
        }

        return string.Join('/', segments);
    }
}
