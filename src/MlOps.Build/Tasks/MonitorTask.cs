using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Monitoring;

namespace MlOps.Build.Tasks;

[TaskName("Monitor")]
[TaskDescription("Compare current data (a CSV batch, else the deployed server's logged inputs) with the deployed version's training data, "
    + "join feedback for concept drift, check the server's SLOs; write drift.json, drift.html, monitor.prom, a Grafana dashboard and alert rules; "
    + "exit 3 on a breach.")]
[TaskArgument("current", "A CSV batch of recent rows to check (default: the deployed server's logged inputs, else data.current).")]
[TaskArgument("reference", "The CSV to compare with (default: the data the deployed version was trained on).")]
[TaskArgument("since", "Only the traffic the deployed server logged since then: 30m, 24h, 7d or a time (default: all of the deployment's).")]
[TaskArgument("feedback",
    "Labelled outcomes (CSV or JSON lines: id, label) to join to the deployed server's predictions (default: monitoring.concept.feedback).")]
internal sealed class MonitorTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var outcome = await MonitorRun.RunAsync(new MonitorOptions
        {
            Pipeline = context.Pipeline,
            RepositoryRoot = context.RepositoryRoot,
            ArtifactsFolder = context.ArtifactsFolder,
            Store = context.Store,
            Environment = context.EnvironmentName,
            Reference = context.Argument("reference"),
            Current = context.Argument("current"),
            Since = context.Argument("since"),
            Feedback = context.Argument("feedback"),
            Retrain = context.Options.Retrain,
            Program = SelfProgram.Current,
            Log = new MonitorLog
            {
                Information = line => context.Log.Information(line),
                Warning = line => context.Log.Warning(line),
                Error = line => context.Log.Error(line),
            },
        }, context.Cancellation);
        context.Note(outcome.Note);
        if (outcome.Breach is { } breach)
        {
            throw new QualityGateException(breach);
        }
    }
}
