using System.Globalization;
using MlOps.Models.Bundles;
using MlOps.Models.Training;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>What a training run records: params and metrics in the store, metrics.json, the bundle's contents.</summary>
internal static class TrainingLog
{
    public static void Write(TrackingStore store, string runId, TrainingSection training, TrainedModel model, string? idColumn)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trainer"] = training.Trainer,
            ["seed"] = Text(training.Seed),
            ["test_fraction"] = Text(training.TestFraction),
            ["row_key"] = idColumn ?? "content",
            ["folds"] = Text(training.Folds),
            ["max_one_hot"] = Text(training.MaxOneHot),
            ["exclude"] = string.Join(",", training.Exclude),
            ["train_rows"] = Text(model.Split.Train.Count),
            ["test_rows"] = Text(model.Split.Test.Count),
        };
        foreach (var (name, value) in training.Parameters)
        {
            parameters[name] = value;
        }

        foreach (var encoding in model.Encodings)
        {
            parameters[$"feature.{encoding.Column}"] = $"{encoding.Encoding}: {encoding.Detail}";
        }

        store.Runs.LogParams(runId, parameters);
        store.Runs.LogMetrics(runId, model.Metrics.ToDictionary());
        foreach (var (fold, step) in model.FoldMetrics.Select((m, i) => (m, i + 1)))
        {
            store.Runs.LogMetrics(runId, fold.ToDictionary().ToDictionary(m => "fold_" + m.Key, m => m.Value), step);
        }

        if (model.FoldMetrics.Count > 0)
        {
            store.Runs.LogMetrics(runId, CrossValidationSummary(model));
        }
    }

    public static BundleContents Bundle(PipelineDefinition pipeline, SchemaSection schema, TrainedModel model, string runId,
        Fingerprint fingerprint, string gitCommit, int version, DateTimeOffset created)
    {
        using var bytes = new MemoryStream();
        model.Save(bytes);
        var metrics = new Dictionary<string, double>(model.Metrics.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, value) in model.FoldMetrics.Count > 0 ? CrossValidationSummary(model) : [])
        {
            metrics[name] = value;
        }

        return new BundleContents
        {
            Model = bytes.ToArray(),
            Schema = ModelSchemas.From(schema),
            Metrics = metrics,
            Provenance = new BundleProvenance
            {
                ModelName = pipeline.Name,
                ModelVersion = Text(version),
                RunId = runId,
                DataMd5 = fingerprint.Parts["data"],
                GitCommit = gitCommit,
                Created = created,
                Trainer = pipeline.Training.Trainer,
            },
        };
    }

    public static MetricsFile Metrics(PipelineDefinition pipeline, RunRecord run, ModelVersion version, TrainedModel model) => new()
    {
        Model = pipeline.Name,
        Version = version.Version,
        VersionName = version.DisplayName,
        RunId = run.Id,
        Trainer = pipeline.Training.Trainer,
        DataMd5 = run.Tags.GetValueOrDefault("mlops.data.md5"),
        Rows = new RowCounts(model.Split.Train.Count, model.Split.Test.Count),
        Test = model.Metrics.ToDictionary(),
        CrossValidation = model.FoldMetrics.Count == 0 ? null
            : new CrossValidationMetrics(model.FoldMetrics.Count, Summary(model, values => values.Average()), Summary(model, StandardDeviation)),
        Sweep = SweepSummary(run),
    };

    // From what ModelSweep recorded on the run: the objective "auc (maximize)", the counts and the best trial.
    private static SweepMetrics? SweepSummary(RunRecord run)
    {
        if (run.Tags.GetValueOrDefault(SweepTags.Objective)?.Split(' ') is not [var objective, var direction])
        {
            return null;
        }

        int Count(string name) => (int)run.Metrics.GetValueOrDefault(name);
        return new SweepMetrics(objective, direction.Trim('(', ')'), Count("sweep_trials"), Count("sweep_pruned"), Count("sweep_failed"),
            int.Parse(run.Tags[SweepTags.BestTrial], CultureInfo.InvariantCulture), run.Metrics[$"sweep_best_{objective}"]);
    }

    private static Dictionary<string, double> CrossValidationSummary(TrainedModel model) =>
        Summary(model, values => values.Average()).Select(m => ($"cv_{m.Key}_mean", m.Value))
            .Concat(Summary(model, StandardDeviation).Select(m => ($"cv_{m.Key}_std", m.Value)))
            .ToDictionary(m => m.Item1, m => m.Item2, StringComparer.Ordinal);

    private static SortedDictionary<string, double> Summary(TrainedModel model, Func<IReadOnlyList<double>, double> reduce) =>
        new(model.Metrics.ToDictionary().Keys.ToDictionary(k => k, k => reduce([.. model.FoldMetrics.Select(f => f.ToDictionary()[k])])), StringComparer.Ordinal);

    // The sample standard deviation (n - 1), as pandas and MLflow's autologging report it.
    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
