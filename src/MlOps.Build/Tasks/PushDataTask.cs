using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Data;

namespace MlOps.Build.Tasks;

[TaskName("PushData")]
[TaskDescription("Upload what TrackData cached to the DVC remote, like `dvc push`: only the objects it lacks.")]
[TaskArgument("remote", "A remote of .dvc/config to push to (default: data.source.remote, else core.remote).")]
internal sealed class PushDataTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var result = await new DataPush(context.RepositoryRoot).PushAsync(context.Pipeline.Data, context.Argument("remote"), context.Cancellation);
        var size = (result.PushedBytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
        var summary = $"pushed {result.Pushed} of {result.Total} objects ({size} MB) to {result.Remote}";
        context.Log.Information($"{context.Pipeline.Data.Path}: {summary}");
        if (result.Pushed == 0)
        {
            context.ReportUnchanged($"the remote holds all {result.Total} objects");
            return;
        }

        context.Note(summary);
    }
}
