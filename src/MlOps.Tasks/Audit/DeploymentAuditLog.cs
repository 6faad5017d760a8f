using System.Globalization;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Audit;

/// <summary>
/// The audit log VerifyAudit checks when it is given none: the one the current deployment of an environment writes in its
/// folder, or, when nothing was deployed and no environment was named, the one Serve writes in the store.
/// </summary>
/// <param name="Log">The active file.</param>
/// <param name="Deployment">The deployment that writes it, or null for Serve's log.</param>
/// <param name="Ended">Whether Undeploy has ended that deployment since (its log stays, and is still checked).</param>
public sealed record DeploymentAuditLog(string Log, DeploymentRecord? Deployment, bool Ended = false)
{
    /// <summary>
    /// E.g. <c>Deployment 3 to 'docker': credit-scoring v2, key 0199…, image sha256:….</c>, naming what the log's records name
    /// (<c>deployment</c>, <c>image_digest</c>); null for Serve's log.
    /// </summary>
    public string? Description => Deployment is not { } d ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"Deployment {d.Id} to '{d.Environment}'{(Ended ? " (undeployed since)" : "")}: {d.Model} v{d.Version}, key {d.Key}, {Image(d)}.");

    /// <summary>The task summary's note for <paramref name="summary"/>, e.g. <c>deployment 3 (v2): 1,204 records, chain intact</c>.</summary>
    public string Note(AuditLogSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Deployment is { } d ? string.Create(CultureInfo.InvariantCulture, $"deployment {d.Id} (v{d.Version}): {summary.Note}") : summary.Note;
    }

    /// <summary>
    /// The log of the deployment that serves <paramref name="model"/> in <paramref name="environment"/>, or served it last when Undeploy
    /// ended it. When none ever did, an environment the user <paramref name="named"/> is an error, and the default one (<c>local</c>)
    /// falls back to Serve's log.
    /// </summary>
    /// <exception cref="UsageException">Nothing serves the named environment, or its logs are in its pods (kubernetes).</exception>
    public static DeploymentAuditLog Find(StoreLocation store, string model, string environment, bool named)
    {
        var (current, ended) = Last(store, model, environment);
        if (current is null)
        {
            return named
                ? throw new UsageException($"Nothing is deployed to '{environment}', so it has no audit log; "
                    + $"run ./build.sh --target=Deploy --environment={environment} first, or give a log with --log=<file>.")
                : new DeploymentAuditLog(AuditLogCheck.DefaultLog(store.Folder), null);
        }

        return current.Kind == EnvironmentKind.Kubernetes
            ? throw new UsageException($"'{environment}' runs on Kubernetes, where each pod writes its own audit log (/audit/predictions.jsonl, an emptyDir); "
                + "copy one out (kubectl cp <pod>:/audit ./audit) and give it with --log=./audit/predictions.jsonl.")
            : new DeploymentAuditLog(ServerStart.AuditLogOf(current.Folder), current, ended);
    }

    private static string Image(DeploymentRecord deployment) =>
        (deployment.ImageDigest ?? deployment.Image) is { } image ? $"image {image}" : "a process (no image)";

    // The last deployment that took over the environment, and whether it was ended since. Without a store nothing was deployed;
    // asking must not create one.
    private static (DeploymentRecord? Last, bool Ended) Last(StoreLocation store, string model, string environment)
    {
        if (!TrackingStore.Exists(store))
        {
            return (null, false);
        }

        using var tracking = TrackingStore.Open(store);
        var last = tracking.Deployments.Of(model, environment).LastOrDefault(d => d.Serving);
        return (last, last is not null && tracking.Deployments.EndOf(last.Id) is not null);
    }
}
