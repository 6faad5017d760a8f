using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Build.Tasks;

[TaskName("Prune")]
[TaskDescription("Remove the model's images, installed servers and deployment folders that no environment serves or could roll back to "
    + "and that are not of the --keep most recent versions.")]
[TaskArgument("keep", "How many of the most recent versions to keep whole (default 3).")]
internal sealed class PruneTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var keep = context.Argument("keep") is not { } text ? 3
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new UsageException($"--keep={text} is not a count; expected 0 or more, e.g. --keep=3.");
        var outcome = await Pruner.PruneAsync(new PruneRequest
        {
            Store = context.Store,
            Model = context.Pipeline.Name,
            Keep = keep,
            Serving = LocalTarget.InstallFolder(ServerPrograms.Framework, context.Store.Folder),
            BuiltImage = ImageRecord.Read(Path.Combine(context.ArtifactsFolder, ArtifactNames.Image))?.Id,
        }, context.Cancellation);
        foreach (var item in outcome.Removed)
        {
            var name = item.Kind == "image" ? item.Name : Path.GetRelativePath(context.RepositoryRoot, item.Name);
            var kept = item.Kept is { } audit ? $", keeping its audit log {Path.GetRelativePath(context.RepositoryRoot, audit)}" : "";
            context.Log.Information($"Prune: removed {item.Kind} {name} ({Size(item.Bytes)}){kept}");
        }

        outcome.Refused.ToList().ForEach(line => context.Log.Warning($"Prune: {line}"));
        if (outcome.ImagesSkipped is { } why)
        {
            context.Log.Warning($"Prune: images skipped: {why}");
        }

        var recent = outcome.KeptVersions.Count == 0 ? "" : $", and {string.Join(", ", outcome.KeptVersions.Select(v => $"v{v}"))} (--keep={keep})";
        context.Log.Information(string.Create(CultureInfo.InvariantCulture, $"Prune: {outcome.Removed.Count} removed, {Size(outcome.Freed)} freed; "
            + $"kept what each environment serves and what its Rollback returns to{recent}"));
        context.Note($"{Size(outcome.Freed)} freed");
    }

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");
}
