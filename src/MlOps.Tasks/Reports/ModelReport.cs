using System.Text.Json;
using Microsoft.ML;
using MlOps.Tasks.Pipeline;
using MlOps.Models.Bundles;
using MlOps.Tasks.Files;
using MlOps.Tasks.Gates;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Reports;

/// <summary>
/// The Report step: explains the candidate on its held-out rows, writes model-card.md and report.html
/// into artifacts/&lt;pipeline&gt;/ and logs both as artifacts of the training run.
/// </summary>
public sealed class ModelReport(TrackingStore store, PublicKey trusted)
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Reports", "Gates", "Fairness", "Training", "Tables"];

    /// <summary>Permutations per slot for the feature importance: enough for a spread, cheap on a few thousand rows.</summary>
    public const int Permutations = 3;

    /// <summary>
    /// What the report depends on: the fingerprints of the Validate and BiasCheck verdicts it presents (from
    /// <paramref name="metrics"/>), the pipeline file and the code; null until both gates have run.
    /// </summary>
    public static string? Fingerprint(PipelineDefinition pipeline, string metrics)
    {
        var document = File.Exists(metrics) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metrics)) : null;
        var validation = document?["validation"]?["fingerprint"]?.GetValue<string>();
        var fairness = document?["fairness"]?["fingerprint"]?.GetValue<string>();
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
        var inputs = Inputs(request);
        var card = Path.Combine(request.ArtifactsFolder, "model-card.md");
        var html = Path.Combine(request.ArtifactsFolder, "report.html");
        AtomicFile.WriteAllText(card, ModelCard.Write(inputs));
        AtomicFile.WriteAllText(html, HtmlReport.Write(inputs));
        store.LogArtifact(inputs.Run.Id, card);
        store.LogArtifact(inputs.Run.Id, html);
        return new ReportOutcome(inputs.Run.Id, card, html, inputs.Explanation);
    }

    private ReportInputs Inputs(PipelineWorkspace request)
    {
        var pipeline = request.Pipeline;
        string Required(string name)
        {
            var path = Path.Combine(request.ArtifactsFolder, name);
            return File.Exists(path) ? path
                : throw new UsageException($"{Path.GetRelativePath(request.RepositoryRoot, path)} does not exist; run ./build.sh --target=Validate first.");
        }

        using var metrics = JsonDocument.Parse(File.ReadAllText(Required(ArtifactNames.Metrics)));
        var fairnessPath = Path.Combine(request.ArtifactsFolder, ArtifactNames.Fairness);
        using var fairness = File.Exists(fairnessPath) ? JsonDocument.Parse(File.ReadAllText(fairnessPath)) : null;
        var bundle = ModelBundle.Open(Required(ArtifactNames.Bundle), trusted);
        var run = store.GetRun(bundle.Provenance.RunId);
        var (attributes, predictions) = PredictionsFile.Read(Required(ArtifactNames.Predictions));
        var (explanation, error) = Explain(request, bundle, run);
        return new ReportInputs
        {
            Pipeline = pipeline,
            Metrics = metrics.RootElement.Clone(),
            Fairness = fairness?.RootElement.Clone(),
            Run = run,
            Provenance = bundle.Provenance,
            BundleSha256 = bundle.Sha256,
            Predictions = predictions,
            Attributes = attributes,
            Explanation = explanation,
            ExplanationError = error,
        };
    }

    private static (Explanation?, string?) Explain(PipelineWorkspace request, ModelBundle bundle, RunRecord run)
    {
        var schema = request.Pipeline.Schema!;
        var test = HeldOutRows.Of(request.Pipeline, request.RepositoryRoot, bundle, run);
        var ml = new MLContext(seed: request.Pipeline.Training.Seed);
        using var zip = bundle.OpenModel();
        var model = ml.Model.Load(zip, out _);
        var ids = schema.Columns.FirstOrDefault(c => c.Type == Pipeline.ColumnType.Id) is { } id
            ? ((Models.Tables.TextColumn)test[id.Name]).Values : [.. Enumerable.Range(0, test.RowCount).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var columns = schema.Columns.Select(c => c.Name).Where(c => c != schema.Label).ToList();
        try
        {
            return (ModelExplainer.Explain(ml, model, test, schema.Label, columns, ids, Permutations), null);
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
    }
}
