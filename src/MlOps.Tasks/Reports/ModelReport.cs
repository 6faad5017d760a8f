using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;
using MlOps.Tasks.Validation;

namespace MlOps.Tasks.Reports;

/// <summary>
/// The Report step: explains the candidate on its held-out rows, writes model-card.md and report.html
/// into artifacts/&lt;pipeline&gt;/ and logs both as artifacts of the training run.
/// </summary>
public sealed partial class ModelReport(TrackingStore store, PublicKey trusted)
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Reports", "Validation", "Fairness", "Training", "CsvFiles"];

    /// <summary>
    /// Permutations per slot for the feature importance: the fewest that give a spread, one per core here; on the sample
    /// pipeline 2 keep the top five columns of 3 (docs/benchmarks.md).
    /// </summary>
    public const int Permutations = 2;

    /// <summary>
    /// At most this many held-out rows, a seeded sample, for the permutation importance: on the sample pipeline every
    /// sample of 3,000 of its 4,000 rows tried kept the top five columns of all 4,000; 2,000 and 1,000 did not (docs/benchmarks.md).
    /// </summary>
    public const int ImportanceRows = 3000;

    /// <summary>
    /// What the report depends on: the fingerprints of the Validate and BiasCheck verdicts it presents (from
    /// <paramref name="metrics"/>), the pipeline file and the code; null until both gates have run.
    /// </summary>
    public static string? Fingerprint(PipelineDefinition pipeline, string metrics)
    {
        var document = MetricsFile.ReadIfExists(metrics);
        var validation = document?.Validation?.Fingerprint;
        var fairness = document?.Fairness?.Fingerprint;
        return validation is null || fairness is null ? null
            : new Fingerprints.Fingerprint()
                .Add("validation", validation)
                .Add("fairness", fairness)
                .Add("pipeline", Fingerprints.Fingerprint.SectionHash(pipeline))
                .AddCode(typeof(MlOps.Models.Evaluation.BinaryMetrics).Assembly)
                .AddPackage("ML.NET", typeof(Microsoft.ML.MLContext).Assembly)
                .AddCode(typeof(ModelReport).Assembly, CodeFolders)
                .Value;
    }

    /// <summary>Writes and logs the card and the report.</summary>
    /// <exception cref="UsageException">metrics.json, predictions.csv or the bundle is missing.</exception>
    public ReportOutcome Run(PipelineWorkspace request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var (inputs, timings) = Inputs(request, clock);
        var card = Path.Combine(request.ArtifactsFolder, ArtifactNames.ModelCard);
        var html = Path.Combine(request.ArtifactsFolder, ArtifactNames.Report);
        AtomicFile.WriteAllText(card, ModelCard.Write(inputs));
        AtomicFile.WriteAllText(html, HtmlReport.Write(inputs));
        store.Runs.LogArtifact(inputs.Run.Id, card);
        store.Runs.LogArtifact(inputs.Run.Id, html);
        return new ReportOutcome(inputs.Run.Id, card, html, inputs.Explanation) { Timings = timings with { Writing = clock.Elapsed } };
    }

    private (ReportInputs, ReportTimings) Inputs(PipelineWorkspace request, Stopwatch clock)
    {
        var pipeline = request.Pipeline;
        string Required(string name)
        {
            var path = Path.Combine(request.ArtifactsFolder, name);
            return File.Exists(path) ? path
                : throw new UsageException($"{Path.GetRelativePath(request.RepositoryRoot, path)} does not exist; run ./build.sh --target=Validate first.");
        }

        var metrics = MetricsFile.Read(Required(ArtifactNames.Metrics), Path.Combine(Path.GetRelativePath(request.RepositoryRoot, request.ArtifactsFolder), ArtifactNames.Metrics));
        var fairnessPath = Path.Combine(request.ArtifactsFolder, ArtifactNames.Fairness);
        using var fairness = File.Exists(fairnessPath) ? JsonDocument.Parse(File.ReadAllText(fairnessPath)) : null;
        var bundle = ModelBundle.Open(Required(ArtifactNames.Bundle), trusted);
        var run = store.Runs.GetRun(bundle.Provenance.RunId);
        var (attributes, predictions) = PredictionsFile.Read(Required(ArtifactNames.Predictions));
        var (explanation, error, timings) = Explain(request, bundle, run, clock);
        clock.Restart();
        return (new ReportInputs
        {
            Pipeline = pipeline,
            Metrics = metrics,
            Fairness = fairness?.RootElement.Clone(),
            Run = run,
            Sweep = SweepHistory.Of(store, run),
            Provenance = bundle.Provenance,
            BundleSha256 = bundle.Sha256,
            Predictions = predictions,
            Attributes = attributes,
            Explanation = explanation,
            ExplanationError = error,
        }, timings);
    }

    private static (Explanation?, string?, ReportTimings) Explain(PipelineWorkspace request, ModelBundle bundle, RunRecord run, Stopwatch clock)
    {
        var schema = request.Pipeline.Schema!;
        var seed = request.Pipeline.Training.Seed;
        using var zip = bundle.OpenModel();
        var model = new MLContext(seed).Model.Load(zip, out _);
        var held = HeldOutRows.Of(request.Pipeline, request.RepositoryRoot, bundle, run);
        var test = held.Data;
        // Rows are named as predictions.csv names them: by id, else by their line in the data file.
        var ids = held.IdColumn is { } id
            ? ((Models.Tables.TextColumn)test[id]).Values : [.. held.Lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var columns = schema.Columns.Select(c => c.Name).Where(c => c != schema.Label).ToList();
        var read = clock.Elapsed;
        try
        {
            var explainer = ModelExplainer.Of(model, columns);
            clock.Restart();
            var sample = test.Take(ImportanceSample.Rows(test.RowCount, ImportanceRows, seed));
            var importance = explainer.Importance(sample, schema.Label, Permutations, seed);
            var measured = clock.Elapsed;
            clock.Restart();
            var examples = explainer.Contributions(test, ids, seed);
            return (new Explanation(Permutations, sample.RowCount, test.RowCount, seed, importance, examples, explainer.ContributionsNote,
                    held.IdColumn is null ? "line" : "row"), null,
                new ReportTimings(read, measured, clock.Elapsed, TimeSpan.Zero));
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message, new ReportTimings(read, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        }
    }
}
