using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.MSBuild;

/// <summary>
/// Train: trains the model, tracks the run and registers the next version as <c>candidate</c> with its signed bundle (model bundle,
/// public key and metrics.json in the artifacts folder); reuses the last run when the library's fingerprint is unchanged.
/// </summary>
public sealed class Train : PipelineTask
{
    /// <inheritdoc />
    protected override void Run(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var root = workspace.RepositoryRoot;
        var location = StoreOf(workspace);
        using var store = TrackingStore.Open(location);
        foreach (var line in KilledWork.CleanUp(store, root).Describe(root))
        {
            Log.LogWarning("Train: {0}", line);
        }

        using var key = SigningKeys.Resolve(location);
        if (key.Warning is { } warning)
        {
            var relative = warning.Replace(location.Folder, Path.GetRelativePath(root, location.Folder), StringComparison.Ordinal);
            if (key.Generated)
            {
                Log.LogWarning("{0}", relative);
            }
            else
            {
                Say(relative);
            }
        }

        var steps = new TrainingSteps(line => { ThrowIfCancelled(); Say(line); }, "Train");
        var outcome = new ModelTraining(store, key.Key, steps, Checkpoint<long>()).Run(new TrainingRequest
        {
            Pipeline = workspace.Pipeline,
            RepositoryRoot = root,
            ArtifactsFolder = workspace.ArtifactsFolder,
            Force = Force,
        });
        if (!outcome.Reused)
        {
            foreach (var line in TrainingSummary.Lines(outcome, root))
            {
                Say(line);
            }
        }

        Say($"Train: {TrainingSummary.Note(outcome)}", important: true);
    }
}
