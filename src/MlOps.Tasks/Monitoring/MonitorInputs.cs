using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Monitoring;

/// <summary>
/// What Monitor compares: the reference (the table the deployed version was trained on, found by its md5 in the
/// repository or the DVC cache; else the newest validated table) and the current data (a CSV batch, else the
/// deployed server's logged inputs, else <c>data.current</c>).
/// </summary>
public sealed record MonitorInputs
{
    /// <summary>The reference CSV file.</summary>
    public required string ReferencePath { get; init; }

    /// <summary>The reference as shown to the user, with why it was chosen.</summary>
    public required string ReferenceShown { get; init; }

    /// <summary>The current CSV file, or null when the current data is the audit log.</summary>
    public string? CurrentPath { get; init; }

    /// <summary>The deployed server's audit log (its active file), when that is the current data or feedback is joined to it.</summary>
    public string? AuditLog { get; init; }

    /// <summary>The current data as shown to the user.</summary>
    public required string CurrentShown { get; init; }

    /// <summary>The deployment watched, when something is deployed to the environment.</summary>
    public DeploymentRecord? Deployment { get; init; }

    /// <summary>Decides the inputs. <paramref name="reference"/> and <paramref name="current"/> are the command line's files, relative to <paramref name="root"/>.</summary>
    /// <exception cref="UsageException">A named file does not exist, or there is nothing to compare.</exception>
    public static MonitorInputs Resolve(string root, PipelineDefinition pipeline, TrackingStore store, string environment, string? reference, string? current)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        var deployment = store.Deployments.CurrentDeployment(pipeline.Name, environment) is { Serving: true } serving ? serving : null;
        var (referencePath, referenceShown) = reference is not null
            ? (Existing(root, reference, "--reference"), reference)
            : Reference(root, pipeline, store, deployment);
        var audit = deployment is null ? null : Path.Combine(deployment.Folder, "audit", "predictions.jsonl");
        if (current is not null)
        {
            return new MonitorInputs
            {
                ReferencePath = referencePath, ReferenceShown = referenceShown, CurrentPath = Existing(root, current, "--current"),
                CurrentShown = current, AuditLog = audit, Deployment = deployment,
            };
        }

        if (deployment is not null)
        {
            return new MonitorInputs
            {
                ReferencePath = referencePath, ReferenceShown = referenceShown, AuditLog = audit, Deployment = deployment,
                CurrentShown = $"the inputs v{deployment.Version} logged in environment '{environment}' ({Path.GetRelativePath(root, audit!)})",
            };
        }

        var batch = pipeline.Data.Current
            ?? throw new UsageException($"Nothing is deployed to '{environment}' and {pipeline.File} names no data.current: "
                + "pass --current=<csv> (a batch of recent rows), or deploy first so that Monitor reads the server's logged inputs.");
        return new MonitorInputs
        {
            ReferencePath = referencePath, ReferenceShown = referenceShown, CurrentPath = Existing(root, batch, "data.current"),
            CurrentShown = $"{batch} (data.current; nothing is deployed to '{environment}')",
        };
    }

    private static (string Path, string Shown) Reference(string root, PipelineDefinition pipeline, TrackingStore store, DeploymentRecord? deployment)
    {
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        var tablePath = Path.Combine(root, table);
        if (deployment is null)
        {
            return (Existing(root, table, "data.table"), $"{table} (the newest validated data; nothing is deployed)");
        }

        var version = store.Registry.FindVersion(pipeline.Name, deployment.Version)
            ?? throw new UsageException($"The deployed version v{deployment.Version} is not in the registry at {store.Directory}; pass --reference=<csv>.");
        var md5 = store.Runs.FindRun(version.RunId)?.Tags.GetValueOrDefault("mlops.data.md5");
        if (md5 is null)
        {
            return (Existing(root, table, "data.table"), $"{table} (v{deployment.Version}'s run does not record its data)");
        }

        if (File.Exists(tablePath) && ContentHash.Md5OfFile(tablePath) == md5)
        {
            return (tablePath, $"{table} (the data v{deployment.Version} was trained on, md5 {md5[..8]})");
        }

        var cached = DataCache.Of(root).PathOf(md5);
        if (File.Exists(cached))
        {
            return (cached, $"{Path.GetRelativePath(root, cached)} (the data v{deployment.Version} was trained on, from the DVC cache)");
        }

        throw new UsageException(
            $"The data v{deployment.Version} was trained on (md5 {md5}) is neither {table} (it changed since) nor in the DVC cache (.dvc/cache); "
            + "restore it (git checkout the data.dvc of that run, then ./build.sh --target=PullData) or pass --reference=<csv>.");
    }

    private static string Existing(string root, string file, string what)
    {
        var path = Path.Combine(root, file);
        return File.Exists(path) ? path
            : throw new UsageException($"{file} ({what}) does not exist{(what == "data.table" || what == "data.current" ? "; run ./build.sh --target=PullData" : "")}.");
    }
}
