using Microsoft.ML;

namespace MlOps.Models.Training;

/// <summary>A fitted model with what it was measured to do and how it read its inputs.</summary>
public sealed class TrainedModel
{
    internal TrainedModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema)
    {
        Context = context;
        Transformer = transformer;
        InputSchema = inputSchema;
    }

    /// <summary>Metrics on the held-out test rows.</summary>
    public required ModelMetrics Metrics { get; init; }

    /// <summary>Metrics of each cross-validation fold, in fold order; empty without cross-validation.</summary>
    public required IReadOnlyList<ModelMetrics> FoldMetrics { get; init; }

    /// <summary>The train/test split, by row of the input table.</summary>
    public required DataSplit Split { get; init; }

    /// <summary>How each column became features.</summary>
    public required IReadOnlyList<FeatureEncoding> Encodings { get; init; }

    /// <summary>The ML.NET context the model was fitted in (seeded).</summary>
    public MLContext Context { get; }

    /// <summary>The fitted ML.NET pipeline: features and trainer.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The columns the model was fitted on.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>Writes the model as an ML.NET model zip.</summary>
    public void Save(Stream stream) => Context.Model.Save(Transformer, InputSchema, stream);
}
