using System.Globalization;
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
        using var store = TrackingStore.Open(context.StoreFolder);
        foreach (var line in KilledWork.CleanUp(store, context.RepositoryRoot).Describe(context.RepositoryRoot))
        {
            context.Log.Warning($"Train: {line}");
        }

        using var key = SigningKeys.Resolve(context.StoreFolder);
        if (key.Warning is { } warning)
        {
            var relative = warning.Replace(context.StoreFolder, Path.GetRelativePath(context.RepositoryRoot, context.StoreFolder), StringComparison.Ordinal);
            context.Log.Write(Verbosity.Minimal, key.Generated ? LogLevel.Warning : LogLevel.Verbose, relative);
        }

        var training = new ModelTraining(store, key.Key, new StepProgress(context.Log, "Train"), new RowProgress(context.Log, "Train"));
        var outcome = training.Run(new TrainingRequest
        {
            Pipeline = context.Pipeline,
            RepositoryRoot = context.RepositoryRoot,
            ArtifactsFolder = context.ArtifactsFolder,
            Force = context.Force,
        });
        var version = $"{outcome.Version.Model} v{outcome.Version.Version}";
        if (outcome.Reused)
        {
            context.ReportUnchanged($"reusing run {outcome.Run.Id[..8]} ({version}, {Auc(outcome)})");
            return;
        }

        Log(context, outcome);
        context.Note($"{version}, {Auc(outcome)}");
    }

    private static void Log(BuildContext context, TrainingOutcome outcome)
    {
        var model = outcome.Model!;
        if (outcome.ChangedInputs.Count > 0)
        {
            context.Log.Information($"Train: changed since the last run: {string.Join(", ", outcome.ChangedInputs)}");
        }

        var metrics = string.Join("  ", model.Metrics.ToDictionary().Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}")));
        context.Log.Information($"Train: {outcome.Version.DisplayName} from run {outcome.Run.Id}, alias candidate");
        context.Log.Information($"  test ({model.Split.Test.Count:N0} rows): {metrics}");
        if (model.FoldMetrics.Count > 0)
        {
            var aucs = model.FoldMetrics.Select(f => f.Auc).ToList();
            context.Log.Information(string.Create(CultureInfo.InvariantCulture,
                $"  cross-validation ({aucs.Count} folds): auc {aucs.Average():0.0000} (min {aucs.Min():0.0000}, max {aucs.Max():0.0000})"));
        }

        context.Log.Information($"  bundle {Path.GetRelativePath(context.RepositoryRoot, outcome.BundlePath)} (sha256 {outcome.Version.BundleSha256[..12]}…)");
    }

    private static string Auc(TrainingOutcome outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"auc {outcome.Run.Metrics.GetValueOrDefault("auc"):0.0000}");
}
