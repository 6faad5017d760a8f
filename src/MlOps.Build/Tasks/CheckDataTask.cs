using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
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
        var pointer = Path.Combine(context.RepositoryRoot, path + ".dvc");
        if (File.Exists(pointer))
        {
            return true;
        }

        if (Directory.Exists(pointer))
        {
            throw new UsageException($"{path}.dvc is a folder, not a DVC pointer file; move it away and run ./build.sh --target=TrackData to pin the data.");
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
