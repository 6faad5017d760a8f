using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Kubernetes;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("Status")]
[TaskDescription("Show what runs where: each environment's deployed version, address, image or process, and health.")]
internal sealed class StatusTask(IAnsiConsole console) : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var logs = new List<string>();
        var table = new Table { Title = new TableTitle(context.Pipeline.Name) }.AddColumns([.. EnvironmentSurvey.Columns]);
        await foreach (var environment in EnvironmentSurvey.RunAsync(context.Store, context.Pipeline,
            (name, current, cancellation) => ClusterStatus.CheckAsync(context.Pipeline, name, current, cancellation), context.Cancellation))
        {
            if (environment.Busy is { } busy)
            {
                context.Log.Information(busy);
            }

            foreach (var line in environment.Stopped)
            {
                context.Log.Warning(line);
            }

            table.AddRow([.. environment.Cells.Select(Markup.Escape)]);
            if (environment.AuditLog(context.RepositoryRoot) is { } log)
            {
                logs.Add(log);
            }
        }

        console.Write(table);

        // Below the table, whose rows a full path would stretch past a terminal's width.
        foreach (var log in logs)
        {
            context.Log.Information(log);
        }
    }
}
