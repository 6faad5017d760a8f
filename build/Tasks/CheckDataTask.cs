using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Data;

namespace MlOps.Build.Tasks;

[TaskName("CheckData")]
[TaskDescription("Refuse data whose md5 differs from its .dvc pointer.")]
[IsDependentOn(typeof(PullDataTask))]
internal sealed class CheckDataTask : BuildTask
{
    public override bool ShouldRun(BuildContext context)
    {
        var path = context.Pipeline.Data.Path;
        if (File.Exists(Path.Combine(context.RepositoryRoot, path + ".dvc")))
        {
            return true;
        }

        context.Note($"{path}.dvc does not exist; run TrackData to pin the data");
        return false;
    }

    public override void Run(BuildContext context)
    {
        var path = context.Pipeline.Data.Path;
        var pointer = new DataCheck(context.RepositoryRoot).Verify(path, rehash: context.Force)!;
        context.Log.Information($"{path}: md5 {pointer.Md5} matches {path}.dvc");
    }
}
