using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Data;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("TrackData")]
[TaskDescription("Pin data like `dvc add`: write <path>.dvc, cache the content, git-ignore the path.")]
[TaskArgument("path", "File or folder to track (default: the pipeline's data path).")]
internal sealed class TrackDataTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        foreach (var line in KilledWork.CleanUpCache(context.RepositoryRoot).Describe(context.RepositoryRoot))
        {
            context.Log.Warning($"TrackData: {line}");
        }

        var path = context.Argument("path") ?? context.Pipeline.Data.Path;
        var result = new DataTracker(context.RepositoryRoot, context.Store.Folder).Track(path, rehash: context.Force);
        var written = result.Written;
        var files = written.FileCount is { } count ? $"{count} files, " : "";
        if (!result.Changed)
        {
            context.ReportUnchanged($"{result.PointerFile} already pins md5 {written.Md5}");
            return;
        }

        var before = result.Previous is null ? "" : $" (was {result.Previous.Md5})";
        context.Log.Information($"{result.PointerFile}: md5 {written.Md5}{before}, {files}{written.Size} bytes");
        context.Note(written.Md5);
    }
}
