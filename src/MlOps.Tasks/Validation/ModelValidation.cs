using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Validation;

/// <summary>
/// The Validate gate: verifies the candidate bundle, scores the rows its run held out, holds the
/// metrics to the pipeline's bounds and to the production version, runs the behavioural tests, and
/// writes predictions.csv and the results into metrics.json.
/// </summary>
public sealed partial class ModelValidation(TrackingStore store, PublicKey trusted)
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Validation", "Training", "CsvFiles"];

    /// <summary>Validates the candidate of <paramref name="request"/>'s pipeline.</summary>
    /// <exception cref="UsageException">There is no candidate, or the data changed since it was trained.</exception>
    public ValidationOutcome Run(PipelineWorkspace request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = request.Pipeline;
        var path = Path.Combine(request.ArtifactsFolder, ArtifactNames.Bundle);
        if (!File.Exists(path))
        {
            throw new UsageException($"{Path.GetRelativePath(request.RepositoryRoot, path)} does not exist; run ./build.sh --target=Train first.");
        }

        var bundle = ModelBundle.Open(path, trusted);
        var version = int.Parse(bundle.Provenance.ModelVersion, System.Globalization.CultureInfo.InvariantCulture);
        var run = store.Runs.GetRun(bundle.Provenance.RunId);
        var test = HeldOutRows.Of(pipeline, request.RepositoryRoot, bundle, run);
        var labels = ((FlagColumn)test.Data[pipeline.Schema!.Label]).Values;
        var scorer = Scorer(bundle);
        var scores = scorer.Score(test.Data);
        var metrics = HeldOutMetrics.Of(labels, scores);
        var champion = Champion(pipeline.Name, version, test, labels, scores);
        var behaviour = BehaviourTests.Run(scorer, test.Data, pipeline.Schema, pipeline.Validation.Behaviour);
        var checks = MetricGate.Check(pipeline.Validation, metrics, champion);
        checks.AddRange(behaviour.Select(BehaviourCheck));
        var predictions = Path.Combine(request.ArtifactsFolder, ArtifactNames.Predictions);
        PredictionsCsv.Write(predictions, test, pipeline.Schema, scores);
        var outcome = new ValidationOutcome(pipeline.Name, version, metrics, champion, checks, behaviour, predictions);
        ValidationLog.Write(store, run.Id, request.ArtifactsFolder, outcome);
        return outcome;
    }

    /// <summary>What a validation depends on: the candidate bundle, the data, the sections it reads, the production version and the code.</summary>
    public Fingerprints.Fingerprint Fingerprint(PipelineWorkspace request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = request.Pipeline;
        var bundle = Path.Combine(request.ArtifactsFolder, ArtifactNames.Bundle);
        return new Fingerprints.Fingerprint()
            .Add("bundle", File.Exists(bundle) ? Data.ContentHash.Sha256OfFile(bundle) : "none")
            .AddFile("data", request.RepositoryRoot, pipeline.Data.Table ?? pipeline.Data.Path)
            .AddSection("csv", pipeline.Data.Csv)
            .AddSection("schema", pipeline.Schema)
            .AddSection("validation", pipeline.Validation)
            .Add("production", store.Registry.ResolveVersion(pipeline.Name, ModelAliases.Production)?.BundleSha256 ?? "none")
            .AddCode(typeof(ModelScorer).Assembly)
            .AddPackage("ML.NET", typeof(Microsoft.ML.MLContext).Assembly)
            .AddCode(typeof(ModelValidation).Assembly, CodeFolders);
    }

    // Champion and challenger are compared on the candidate's held-out rows that production's run held out too.
    private Champion? Champion(string model, int candidate, TableRows test, IReadOnlyList<bool> labels, double[] scores)
    {
        if (store.Registry.ResolveVersion(model, ModelAliases.Production) is not { } production || production.Version == candidate)
        {
            return null;
        }

        var none = new Dictionary<string, double>(StringComparer.Ordinal);
        var productionRun = store.Runs.GetRun(production.RunId);
        store.Runs.Fetch(productionRun);
        if (HeldOutRecord.Read(productionRun) is not { } held)
        {
            return new Champion(production.Version, candidate, 0, none, none,
                $"v{production.Version} recorded no held-out rows (it was trained before runs recorded them), so no row is known to be unseen by both");
        }

        int[] shared = [.. Enumerable.Range(0, test.Data.RowCount).Where(r => held.Contains(test.Keys[r]))];
        bool[] sharedLabels = [.. shared.Select(r => labels[r])];
        if (!sharedLabels.Contains(true) || !sharedLabels.Contains(false))
        {
            return new Champion(production.Version, candidate, shared.Length, none, none, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the two hold out {shared.Length:N0} rows in common, which do not hold both classes"));
        }

        var bundle = ModelBundle.Open(production.Source, trusted);
        return new Champion(production.Version, candidate, shared.Length,
            HeldOutMetrics.Of(sharedLabels, Scorer(bundle).Score(test.Data.Take(shared))), HeldOutMetrics.Of(sharedLabels, [.. shared.Select(r => scores[r])]));
    }

    private static ModelScorer Scorer(ModelBundle bundle)
    {
        using var model = bundle.OpenModel();
        return ModelScorer.Load(model);
    }

    private static GateCheck BehaviourCheck(BehaviourResult result)
    {
        var rate = FormattableString.Invariant($"{result.Failures} of {result.Rows} ({result.FailureRate:P1}) failed, {result.MaxFailureRate:P1} allowed");
        var examples = result.Examples.Count == 0 ? "" : "; e.g. " + string.Join("; ", result.Examples);
        var message = result.Passed
            ? $"behaviour '{result.Name}' ({result.Kind}): {rate}"
            : $"behaviour '{result.Name}' ({result.Kind}): {rate}{examples} ({result.Location})";
        return new GateCheck($"behaviour: {result.Name}", result.FailureRate, result.MaxFailureRate, result.Passed, message, result.Location);
    }
}
