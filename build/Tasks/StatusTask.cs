using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("Status")]
[TaskDescription("Show what runs where: each environment's deployed version, address, image or process, and health.")]
internal sealed class StatusTask(IAnsiConsole console) : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var model = context.Pipeline.Name;
        var table = new Table { Title = new TableTitle(model) }
            .AddColumns("Environment", "Kind", "Version", "Address", "Runs as", "Running", "Health", "Deployed", "By");
        foreach (var (name, settings) in context.Pipeline.Environments)
        {
            DeploymentRecord? current;
            using (var store = TrackingStore.Open(context.StoreFolder))
            {
                current = store.Deployments.CurrentDeployment(model, name);
            }

            EnvironmentStatus status;
            try
            {
                using var connection = await Deployments.ConnectAsync(settings.Kind);
                await StopStraysAsync(context, name, connection.Target);
                status = await EnvironmentStatus.CheckAsync(name, settings.Kind, current, connection.Target, CancellationToken.None);
            }
            catch (Exception e) when (e is ContainerException or MlOps.Tasks.UsageException)
            {
                // Docker does not answer, or the kind cannot be deployed yet: what the address answers is still worth showing.
                status = await EnvironmentStatus.CheckAsync(name, settings.Kind, current, null, CancellationToken.None);
            }

            table.AddRow(
                Markup.Escape(name),
                settings.Kind.ToString().ToLowerInvariant(),
                current is null ? "-" : $"v{current.Version}",
                Markup.Escape(current?.Address ?? "-"),
                Markup.Escape(current is null ? "-" : current.Kind == EnvironmentKind.Docker ? $"container {current.RunsAs?[..Math.Min(12, current.RunsAs.Length)]}" : $"pid {current.RunsAs}"),
                status.Running switch { true => "yes", false => "no", null => "unknown" },
                Markup.Escape(status.Health),
                current is null ? "-" : current.Deployed.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(current?.DeployedBy ?? "-"));
        }

        console.Write(table);
    }

    // What answers on an environment's port is what the registry says serves: servers a killed Deploy left are stopped first.
    private static async Task StopStraysAsync(BuildContext context, string environment, IDeploymentTarget target)
    {
        var stopped = await StrayServers.StopWhenIdleAsync(context.StoreFolder, context.Pipeline.Name, environment, target, CancellationToken.None);
        if (stopped is null)
        {
            context.Log.Information($"Status: a Deploy or Rollback to '{environment}' is running; what it is starting is shown once it finishes.");
            return;
        }

        foreach (var line in stopped)
        {
            context.Log.Warning(line);
        }
    }
}
