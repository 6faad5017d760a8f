using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Migrate")]
[TaskDescription("Copy this store's history (runs, metrics, versions, alias moves, deployments, artifacts) into another store, "
    + "e.g. the team's; what it has already is left as it is.")]
[TaskArgument("to", "The store to copy to: a folder, sqlite:///file.db or postgresql://user@host:port/db (password in PGPASSWORD).")]
internal sealed class MigrateTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var to = context.Argument("to") ?? throw new UsageException(
            $"Migrate needs --to=<store>: {StoreLocation.Forms}, e.g. --to=postgresql://ci@db:5432/mlops with the password in PGPASSWORD.");
        var target = StoreLocation.ResolveOption(context.RepositoryRoot, "to", to, Environment.GetEnvironmentVariable(StoreLocation.ArtifactsVariable));
        // MLOPS_ARTIFACTS names the target's root here, not one for this store to record.
        using var store = TrackingStore.Open(context.Store with { Artifacts = null });
        var report = StoreCopy.Copy(store, target);
        context.Log.Information($"Migrate: {store.Database} -> {report.Target}: {report.Runs} runs copied ({report.RunsPresent} there already), "
            + $"{report.Versions} versions ({report.VersionsPresent} there already), {report.AliasMoves} alias moves, {report.Deployments} deployments, "
            + $"{report.ArtifactsCopied} artifacts copied ({report.ArtifactsPresent} there already)");
        context.Note($"{report.Runs} runs, {report.Versions} versions copied");
    }
}
