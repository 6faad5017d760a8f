using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Data;

namespace MlOps.Build.Tasks;

[TaskName("PullData")]
[TaskDescription("Bring absent data into being, like `dvc pull`: from a DVC cache, the DVC remote (.dvc/config or data.source.remote, folder or s3://), or the sample generator.")]
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

    public override async Task RunAsync(BuildContext context)
    {
        var data = context.Pipeline.Data;
        var source = await new DataRestore(context.RepositoryRoot).RestoreAsync(data, context.Cancellation);
        context.Log.Information($"{data.Path}: restored from {source}");
        context.Note($"from {source}");
    }
}
