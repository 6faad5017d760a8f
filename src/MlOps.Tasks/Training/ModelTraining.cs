using MlOps.Models.Bundles;
using MlOps.Models.Training;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.DataChecks;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Provenance;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>
/// Train, end to end: reuse a recorded run when the fingerprint matches (like <c>dvc repro</c>), else read
/// the table, fit and measure the model, log the run, register the next version with its signed bundle,
/// and publish bundle, public key and metrics.json under artifacts/.
/// </summary>
public sealed class ModelTraining(TrackingStore store, SigningKey key, IProgress<TrainingProgress>? progress = null, IProgress<long>? rows = null)
{
    /// <summary>Trains (or reuses) the model of <paramref name="request"/>'s pipeline.</summary>
    /// <exception cref="UsageException">The pipeline has no schema, or the table is missing.</exception>
    /// <exception cref="InvalidFileException">The table cannot be read, or the pipeline file names values it does not hold.</exception>
    public TrainingOutcome Run(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = request.Pipeline;
        var schema = pipeline.Schema ?? throw new UsageException($"{pipeline.File} has no 'schema' section; Train needs the columns and the label.");
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        if (!File.Exists(Path.Combine(request.RepositoryRoot, table)))
        {
            throw new UsageException($"{table} does not exist; run ./build.sh --target=PullData to restore {pipeline.Data.Path}, or fix data.table in {pipeline.File}.");
        }

        var fingerprint = TrainingFingerprint.Of(pipeline, request.RepositoryRoot, table, key.KeyId);
        if (!request.Force && Reusable(pipeline.Name, fingerprint) is { } reused)
        {
            // The sections the fingerprint leaves out (fairness) are checked against the data the run was trained on.
            if (Pipeline.TableValues.Parse(reused.Run.Tags.GetValueOrDefault(TrainingTags.DataValues)) is { } values)
            {
                Pipeline.TrainingDataChecks.Check(pipeline, values);
            }

            return Publish(request, reused.Run, reused.Version, model: null, changed: []);
        }

        var previous = store.Runs.InExperiment(pipeline.Name).FirstOrDefault(r => r.Status == RunStatus.Finished);
        var changed = previous is null ? [] : fingerprint.Differences(TrainingTags.Inputs(previous.Tags));
        // The model never reads ids or excluded columns: not holding them saves memory on large tables.
        var unread = schema.Columns.Where(c => c.Type == Pipeline.ColumnType.Id).Select(c => c.Name).Concat(pipeline.Training.Exclude).ToHashSet(StringComparer.Ordinal);
        var check = new PipelineDataCheck(pipeline, table);
        var data = TrainingTable.ReadRows(Path.Combine(request.RepositoryRoot, table), table, pipeline.Data.Csv, schema, rows, unread, check);
        var run = store.Runs.StartRun(pipeline.Name);
        try
        {
            var git = GitState.Of(request.RepositoryRoot);
            var tags = TrainingTags.For(fingerprint, git, request.User);
            tags[TrainingTags.DataValues] = check.Values!.ToJson();
            store.Runs.SetTags(run.Id, tags);
            // A sweep chooses the trainer and parameters, and the model is refit with them on all training rows.
            var training = pipeline.Training.Sweep is null ? pipeline.Training
                : ModelSweep.Run(store, run.Id, pipeline.Name, pipeline.Training, data, ModelSchemas.From(schema), progress).Refit;
            var trained = pipeline with { Training = training };
            var model = ModelTrainer.Train(data.Data, data.Keys, ModelSchemas.From(schema), ModelSchemas.From(training), progress);
            TrainingLog.Write(store, run.Id, training, model, data.IdColumn);
            HeldOutRecord.Write(store, run.Id, data, model.Split.Test);
            var version = store.Registry.RegisterBundle(pipeline.Name, run.Id, ArtifactNames.Bundle, ModelAliases.Candidate, request.User, (number, created, path) =>
                ModelBundle.Write(path, TrainingLog.Bundle(trained, schema, model, run.Id, fingerprint, git.Commit, number, created), key));
            var outcome = Publish(request with { Pipeline = trained }, store.Runs.GetRun(run.Id), version, model, changed);
            store.Runs.EndRun(run.Id, RunStatus.Finished);
            return outcome with { Run = store.Runs.GetRun(run.Id) };
        }
        catch (Exception failure)
        {
            try
            {
                store.Runs.EndRun(run.Id, RunStatus.Failed);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreUnavailableException)
            {
                // The store went away with the failure: the next Train marks the run Killed; the reason to read is the failure.
                throw failure is StoreUnavailableException ? failure : new AggregateException(failure, e);
            }

            throw;
        }
    }

    private (RunRecord Run, ModelVersion Version)? Reusable(string model, Fingerprint fingerprint)
    {
        var run = store.Runs.LatestFinishedRunWithTag(model, TrainingTags.Fingerprint, fingerprint.Value);
        try
        {
            // Another machine's run, on a team store: its bundle and metrics come from the artifact root.
            if (run is not null)
            {
                store.Runs.Fetch(run);
            }
        }
        catch (Exception e) when (e is UsageException or InvalidDataException)
        {
            // An artifact the root lacks, or holds changed: the run cannot be reused, and training again makes a sound one.
            return null;
        }

        var version = run is null ? null
            : store.Registry.Models().FirstOrDefault(m => m.Name == model)?.Versions.LastOrDefault(v => v.RunId == run.Id);
        var bundle = run?.Artifacts.FirstOrDefault(a => a.Name == ArtifactNames.Bundle);
        return run is not null && version is not null && bundle is not null && File.Exists(bundle.Path)
            && Data.ContentHash.Sha256OfFile(bundle.Path) == version.BundleSha256 && run.Artifacts.Any(a => a.Name == ArtifactNames.Metrics)
            ? (run, version) : null;
    }

    private static bool SameRun(string metrics, string runId)
    {
        try
        {
            return Artifacts.MetricsFile.ReadIfExists(metrics)?.RunId == runId;
        }
        catch (InvalidFileException)
        {
            return false;
        }
    }

    // Copies the run's bundle and metrics.json to artifacts/<pipeline>/ with the public key that verifies the bundle.
    private TrainingOutcome Publish(TrainingRequest request, RunRecord run, ModelVersion version, TrainedModel? model, IReadOnlyList<string> changed)
    {
        Directory.CreateDirectory(request.ArtifactsFolder);
        var bundle = Path.Combine(request.ArtifactsFolder, ArtifactNames.Bundle);
        var storedBundle = run.Artifacts.Single(a => a.Name == ArtifactNames.Bundle).Path;
        Artifacts.AtomicFile.Copy(storedBundle, bundle);
        Artifacts.AtomicFile.WriteAllText(Path.Combine(request.ArtifactsFolder, ArtifactNames.PublicKey), key.ExportPublicPem());
        var metrics = Path.Combine(request.ArtifactsFolder, ArtifactNames.Metrics);
        if (model is not null)
        {
            TrainingLog.Metrics(request.Pipeline, run, version, model).Write(metrics);
            store.Runs.LogArtifact(run.Id, metrics, ArtifactNames.Metrics);
        }
        else if (!SameRun(metrics, run.Id))
        {
            // Reused, like DVC's run cache: bring back what the run and its gates wrote (metrics.json with their
            // verdicts, predictions, fairness, the report), so unchanged gates are reused in this clone too.
            foreach (var artifact in run.Artifacts.Where(a => a.Name is not (ArtifactNames.Bundle or HeldOutRecord.Name) && File.Exists(a.Path)))
            {
                Artifacts.AtomicFile.Copy(artifact.Path, Path.Combine(request.ArtifactsFolder, artifact.Name));
            }
        }

        return new TrainingOutcome(run, version, Reused: model is null, model, changed, bundle);
    }
}
