using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("SetAlias")]
[TaskDescription("Point an alias (candidate, staging, production, ...) of the pipeline's model at a version; the move is recorded.")]
[TaskArgument("alias", "The alias to set or move, e.g. staging.")]
[TaskArgument("version", "The version it points to: v2, 2, latest or another alias.")]
[TaskArgument("reason", "Why, recorded in the alias history (optional).")]
internal sealed class SetAliasTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var alias = context.Argument("alias") ?? throw new UsageException("SetAlias needs --alias=<name>, e.g. --alias=staging --version=v2.");
        var reference = context.Argument("version") ?? throw new UsageException($"SetAlias needs --version=<v2|2|latest|alias> to point '{alias}' at.");
        using var store = TrackingStore.Open(context.Store);
        var model = context.Pipeline.Name;
        var version = store.Registry.GetVersion(model, reference);
        var move = store.Registry.SetAlias(model, alias, version.Version, Environment.UserName, context.Argument("reason"));
        var from = move.FromVersion is { } was ? $"v{was}" : "nothing";
        context.Log.Information($"{model}: {alias} -> v{move.ToVersion} (was {from})");
        context.Note($"{alias} -> v{move.ToVersion}");
    }
}
