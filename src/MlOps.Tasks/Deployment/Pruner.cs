using Docker.DotNet;
using MlOps.Tasks.Containers;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// Prune: removes the model's deployment folders, installed server programs and images that <see cref="PruneSelection"/> does not keep,
/// holding every environment's lock so that no Deploy, Rollback or Undeploy starts meanwhile. A folder a running process names is kept.
/// Docker not reachable: the folders are pruned and the images skipped, saying why.
/// </summary>
public static class Pruner
{
    /// <summary>Removes what no deployment needs and no recent version is.</summary>
    /// <exception cref="ContainerException">A Deploy, Rollback or Undeploy runs.</exception>
    public static async Task<PruneOutcome> PruneAsync(PruneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locks = TakeLocks(request.Store.Folder);
        try
        {
            var inputs = Read(request);
            IReadOnlyList<StoredImage> images = [];
            string? skipped = null;
            DockerClient? docker = null;
            try
            {
                docker = await DockerDaemon.ConnectAsync(DockerDaemon.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                images = await ModelImages.ListAsync(docker, request.Model, cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerException e)
            {
                skipped = e.Message;
            }

            using (docker)
            {
                var plan = PruneSelection.Choose(inputs with { Images = images });
                var removed = new List<PrunedItem>();
                removed.AddRange(plan.Folders.Select(RemoveKeepingAudit));
                removed.AddRange(plan.Servers.Select(s => Remove("server program", s)));
                var refused = new List<string>();
                foreach (var image in plan.Images)
                {
                    var name = image.Tags.Count > 0 ? image.Tags[0] : image.Id;
                    if (await ModelImages.RemoveAsync(docker!, image, cancellationToken).ConfigureAwait(false) is { } reason)
                    {
                        refused.Add($"image {name} kept: {reason}");
                        continue;
                    }

                    removed.Add(new PrunedItem("image", name, image.Bytes));
                }

                return new PruneOutcome(removed, refused, skipped, plan.KeptVersions);
            }
        }
        finally
        {
            locks.ForEach(l => l.Dispose());
        }
    }

    private const string AuditFolder = "audit";

    private static PruneInputs Read(PruneRequest request)
    {
        using var store = TrackingStore.Open(request.Store);
        var history = store.Deployments;
        var deployments = history.OfModel(request.Model);
        var versions = store.Registry.Models().FirstOrDefault(m => m.Name == request.Model)?.Versions ?? [];
        var environments = deployments.Select(d => d.Environment).Distinct(StringComparer.Ordinal);
        var folders = Children(Path.Combine(request.Store.Folder, "deployments")).SelectMany(Children).Where(f => !OnlyAudit(f)).ToList();
        var servers = Children(Path.Combine(request.Store.Folder, "servers")).Where(s => !Path.GetFileName(s).Contains('.', StringComparison.Ordinal)).ToList();
        var running = folders.Concat(servers).Where(f => LocalTarget.ProcessOf(f) is not null);
        return new PruneInputs
        {
            Keep = request.Keep,
            Versions = [.. versions.Select(v => v.Version)],
            Bundles = versions.Select(v => v.BundleSha256).ToHashSet(StringComparer.Ordinal),
            Deployments = deployments,
            Ended = deployments.Where(d => d.Serving && history.EndOf(d.Id) is not null).Select(d => d.Id).ToHashSet(),
            Starting = environments.SelectMany(e => history.Starts(request.Model, e)).Where(s => s.State == DeploymentState.Starting).Select(s => s.Folder)
                .ToHashSet(StringComparer.Ordinal),
            Folders = folders,
            Servers = servers,
            Protected = history.ServersBesides(request.Model).Concat(running).Concat(new[] { request.Serving, request.BuiltImage }.OfType<string>())
                .ToHashSet(StringComparer.Ordinal),
        };
    }

    // Every environment's lock, whichever pipeline deployed there: a Deploy starting meanwhile could use what is being removed.
    private static List<FileStream> TakeLocks(string storeFolder)
    {
        var locks = new List<FileStream>();
        foreach (var environment in Children(Path.Combine(storeFolder, "deployments")).Select(Path.GetFileName).OfType<string>())
        {
            if (EnvironmentLock.TryTake(storeFolder, environment, out var path) is { } taken)
            {
                locks.Add(taken);
                continue;
            }

            locks.ForEach(l => l.Dispose());
            throw new ContainerException($"A Deploy, Rollback or Undeploy to '{environment}' is running (it holds {path}); prune after it finishes.");
        }

        return locks;
    }

    private static PrunedItem Remove(string kind, string folder)
    {
        var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Directory.Delete(folder, recursive: true);
        return new PrunedItem(kind, folder, bytes);
    }

    // A deployment's audit log is a record of what it decided for whom: it outlives the deployment's server log and pid file.
    private static PrunedItem RemoveKeepingAudit(string folder)
    {
        var audit = Path.Combine(folder, AuditFolder);
        if (!Directory.Exists(audit) || !Directory.EnumerateFileSystemEntries(audit).Any())
        {
            return Remove("deployment folder", folder);
        }

        long bytes = 0;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => e.Name != AuditFolder))
        {
            if (entry is DirectoryInfo child)
            {
                bytes += child.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                child.Delete(recursive: true);
            }
            else
            {
                bytes += ((FileInfo)entry).Length;
                entry.Delete();
            }
        }

        return new PrunedItem("deployment folder", folder, bytes, Kept: Path.Combine(folder, AuditFolder));
    }

    private static bool OnlyAudit(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).SequenceEqual([AuditFolder]);

    private static IEnumerable<string> Children(string folder) => Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [];
}
