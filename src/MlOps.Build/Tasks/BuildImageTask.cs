using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;

namespace MlOps.Build.Tasks;

[TaskName("BuildImage")]
[TaskDescription("Build the staging (or --version) version's image (self-contained server + signed bundle, non-root, labelled), "
    + "smoke-test it against Validate's scores; reuse one of the same bundle and fingerprint; writes image.json.")]
[TaskArgument("version", "The version whose image is built or reused instead of staging's (v3, 3, latest or an alias), as Deploy deploys it; "
    + "scored against held-out rows only when artifacts/ hold its predictions.")]
[IsDependentOn(typeof(BiasCheckTask))]
internal sealed class BuildImageTask : BuildTask
{

    public override bool ShouldRun(BuildContext context)
    {
        // Deploying to local runs the server as a process; BuildImage as the target still builds.
        if (context.DeploymentEnvironment.Kind == EnvironmentKind.Local && !context.Options.Targets.Contains("BuildImage", StringComparer.OrdinalIgnoreCase))
        {
            context.Note($"'{context.EnvironmentName}' runs the server as a process: no image needed");
            return false;
        }

        return true;
    }

    public override async Task RunAsync(BuildContext context)
    {
        var outcome = await ImageBuild.RunAsync(new ImageBuildRequest
        {
            Workspace = context.Workspace,
            Store = context.Store,
            ServingFolder = ServerPrograms.SelfContained,
            Version = context.Argument("version"),
            Force = context.Force,
        });
        var image = outcome.Record;
        context.Log.Verbose($"BuildImage: server {outcome.Server.Sha256[..12]}: {outcome.Server.Hashed} of {outcome.Server.Files} files hashed, "
            + "the others remembered by size and time");
        var summary = string.Create(CultureInfo.InvariantCulture, $"{image.Tags[0]} ({image.Id[7..19]}, {image.Size / 1e6:0.0} MB)");
        if (outcome.Reused)
        {
            context.ReportUnchanged($"reusing image {summary}");
            return;
        }

        context.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"BuildImage: v{image.Version} on {image.Base}{(outcome.BaseImported ? " (imported now)" : "")}: {summary} built in {image.BuildSeconds:0.0} s; ")
            + (outcome.RowsMissing is { } missing ? $"smoke test checked /health and /version only: {missing}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"smoke test scored {image.SmokeRows} held-out rows as Validate did (max difference {image.SmokeMaxDifference:0.0e0})")));
        context.Note(summary);
    }
}
