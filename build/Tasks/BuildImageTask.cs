using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;

namespace MlOps.Build.Tasks;

[TaskName("BuildImage")]
[TaskDescription("Build the staging version's image (self-contained server + signed bundle, non-root, labelled), smoke-test it against Validate's scores; writes image.json.")]
[IsDependentOn(typeof(BiasCheckTask))]
internal sealed class BuildImageTask : BuildTask
{
    /// <summary>Where the build program's build publishes the server self-contained (build/ScoringServer.targets).</summary>
    public static string ServingFolder => Path.Combine(AppContext.BaseDirectory, "serving-linux-x64");

    public override async Task RunAsync(BuildContext context)
    {
        var outcome = await ImageBuild.RunAsync(new ImageBuildRequest
        {
            Workspace = new PipelineWorkspace { Pipeline = context.Pipeline, RepositoryRoot = context.RepositoryRoot, ArtifactsFolder = context.ArtifactsFolder },
            StoreFolder = context.StoreFolder,
            ServingFolder = ServingFolder,
            Environment = context.EnvironmentName,
            Force = context.Force,
        });
        var image = outcome.Record;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{image.Tags[0]} ({image.Id[7..19]}, {image.Size / 1e6:0.0} MB)");
        if (outcome.Reused)
        {
            context.ReportUnchanged($"reusing image {summary}");
            return;
        }

        context.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"BuildImage: v{image.Version} on {image.Base}{(outcome.BaseImported ? " (imported now)" : "")}: {summary} built in {image.BuildSeconds:0.0} s; smoke test scored {image.SmokeRows} held-out rows as Validate did (max difference {image.SmokeMaxDifference:0.0e0})"));
        context.Note(summary);
    }
}
