using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.Build.Tasks;

[TaskName("Train")]
[TaskDescription("Train the model, track the run, register the next version as 'candidate' with its signed bundle; reuses the last run when nothing changed.")]
[IsDependentOn(typeof(ValidateDataTask))]
internal sealed class TrainTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        using var store = TrackingStore.Open(context.Store);
        foreach (var line in KilledWork.CleanUp(store, context.RepositoryRoot).Describe(context.RepositoryRoot))
        {
            context.Log.Warning($"Train: {line}");
        }

        using var key = SigningKeys.Resolve(context.Store);
        if (key.Warning is { } warning)
        {
            var relative = warning.Replace(context.Store.Folder, Path.GetRelativePath(context.RepositoryRoot, context.Store.Folder), StringComparison.Ordinal);
            context.Log.Write(Verbosity.Minimal, key.Generated ? LogLevel.Warning : LogLevel.Verbose, relative);
        }

        var steps = new TrainingSteps(line => context.Log.Information(line), "Train");
        var training = new ModelTraining(store, key.Key, steps, new RowProgress(context.Log, "Train"));
        var outcome = training.Run(new TrainingRequest
        {
            Pipeline = context.Pipeline,
            RepositoryRoot = context.RepositoryRoot,
            ArtifactsFolder = context.ArtifactsFolder,
            Force = context.Force,
        });
        if (outcome.Reused)
        {
            context.ReportUnchanged(TrainingSummary.Note(outcome));
            return;
        }

        foreach (var line in TrainingSummary.Lines(outcome, context.RepositoryRoot))
        {
            context.Log.Information(line);
        }

        context.Note(TrainingSummary.Note(outcome));
    }
}
