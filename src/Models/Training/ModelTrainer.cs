using Microsoft.ML;
using Microsoft.ML.Data;
using MlOps.Models.Schema;
using MlOps.Models.Tables;

namespace MlOps.Models.Training;

/// <summary>Fits a binary classifier to a table: held-out rows by row key, optional cross-validation, seeded.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// Trains on <paramref name="table"/>, whose label column (named as in <paramref name="schema"/>)
    /// is a <see cref="FlagColumn"/>, and measures the model on the held-out rows; the rows are keyed by
    /// their id column, else by their cells (<see cref="RowKey.Of(TableData, ModelSchema)"/>).
    /// </summary>
    public static TrainedModel Train(TableData table, ModelSchema schema, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        return Train(table, RowKey.Of(table, schema), schema, options, progress);
    }

    /// <summary>
    /// Trains on <paramref name="table"/> and measures the model on the rows <see cref="DataSplit.HeldOut"/>
    /// holds out by <paramref name="rowKeys"/> (one per row, see <see cref="RowKey"/>).
    /// </summary>
    public static TrainedModel Train(TableData table, IReadOnlyList<ulong> rowKeys, ModelSchema schema, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var labels = ((FlagColumn)table[schema.Label]).Values;
        var split = DataSplit.HeldOut(labels, rowKeys, options.TestFraction);
        var folds = options.Folds >= 2 ? DataSplit.Folds(labels, split.Train, options.Folds, options.Seed) : [];
        var steps = folds.Count + 2;
        var foldMetrics = new List<ModelMetrics>();
        foreach (var (fold, index) in folds.Select((f, i) => (f, i)))
        {
            progress?.Report(new TrainingProgress($"cross-validation fold {index + 1} of {folds.Count}", index, steps));
            foldMetrics.Add(Fit(table, schema, options, fold).Metrics);
        }

        progress?.Report(new TrainingProgress("fitting the model", folds.Count, steps));
        var result = Fit(table, schema, options, split, progress, folds.Count + 1, steps);
        var model = new TrainedModel(result.Context, result.Transformer, result.Schema)
        {
            Metrics = result.Metrics,
            FoldMetrics = foldMetrics,
            Split = split,
            Encodings = result.Encodings,
        };
        return model;
    }

    /// <summary>
    /// Fits on <paramref name="split"/>'s training rows and measures on its test rows: one fold of a cross-validation,
    /// as a sweep scores a trial.
    /// </summary>
    public static ModelMetrics Score(TableData table, ModelSchema schema, TrainingOptions options, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(split);
        return Fit(table, schema, options, split).Metrics;
    }

    private static FitResult Fit(TableData table, ModelSchema schema, TrainingOptions options, DataSplit split,
        IProgress<TrainingProgress>? progress = null, int step = 0, int steps = 0)
    {
        var ml = new MLContext(options.Seed);
        var train = table.Take(split.Train);
        var (features, encodings) = FeaturePipeline.Build(ml, schema, train, options);
        var trainer = TrainerCatalog.Create(ml, options.Trainer, options.Parameters, options.Seed, schema.Label);
        var trainView = train.AsDataView();
        // Fitted in two parts, as EstimatorChain.Fit does it, so that the log shows the trainer's share.
        var featurised = features.Fit(trainView);
        progress?.Report(new TrainingProgress($"fitting {options.Trainer} on the features", step - 1, steps));
        var transformer = new TransformerChain<ITransformer>([.. (IEnumerable<ITransformer>)featurised, trainer.Fit(featurised.Transform(trainView))]);
        progress?.Report(new TrainingProgress("measuring on the test rows", step, steps));
        var test = table.Take(split.Test);
        var scores = Scoring.ModelScorer.For(transformer).Score(test);
        var metrics = ModelMetrics.Of(((FlagColumn)test[schema.Label]).Values, scores);
        return new FitResult(ml, transformer, trainView.Schema, metrics, encodings);
    }

    private sealed record FitResult(MLContext Context, ITransformer Transformer, DataViewSchema Schema,
        ModelMetrics Metrics, IReadOnlyList<FeatureEncoding> Encodings);
}
