using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Data;

namespace MlOps.Build.Tasks;

[TaskName("PullData")]
[TaskDescription("Bring absent data into being, like `dvc pull`: from a DVC cache or remote folder, or the sample generator.")]
internal sealed class PullDataTask : BuildTask
{
    public override bool ShouldRun(BuildContext context)
    {
        var path = context.Pipeline.Data.Path;
        var present = File.Exists(Path.Combine(context.RepositoryRoot, path)) || Directory.Exists(Path.Combine(context.RepositoryRoot, path));
        if (present)
        {
            context.Note($"{path} is present");
        }

        return !present;
    }

    public override void Run(BuildContext context)
    {
        var data = context.Pipeline.Data;
        var source = new DataRestore(context.RepositoryRoot).Restore(data);
        context.Log.Information($"{data.Path}: restored from {source}");
        context.Note($"from {source}");
    }
}
