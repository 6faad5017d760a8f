using Microsoft.ML;
using Microsoft.ML.Data;
using MlOps.Models.Tables;

namespace MlOps.Models.Scoring;

/// <summary>A loaded ML.NET model that scores tables: the probability of the positive class per row.</summary>
public sealed class ModelScorer
{
    private readonly MLContext context;
    private readonly ITransformer model;

    private ModelScorer(MLContext context, ITransformer model)
    {
        this.context = context;
        this.model = model;
    }

    /// <summary>The threshold above which a score predicts the positive class (as scikit-learn's predict on probabilities).</summary>
    public const double Threshold = 0.5;

    /// <summary>Loads an ML.NET model zip (the bundle's model.zip).</summary>
    public static ModelScorer Load(Stream modelZip)
    {
        var context = new MLContext(seed: 0);
        return new ModelScorer(context, context.Model.Load(modelZip, out _));
    }

    /// <summary>A scorer for a model already in memory.</summary>
    public static ModelScorer For(MLContext context, ITransformer model) => new(context, model);

    /// <summary>Scores every row of <paramref name="rows"/> as one batch.</summary>
    public double[] Score(TableData rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scored = model.Transform(rows.AsDataView());
        return [.. scored.GetColumn<float>(scored.Schema["Probability"]).Select(p => (double)p)];
    }

    /// <summary>The context, for ML.NET tools that need one (feature importance, contributions).</summary>
    public MLContext Context => context;
}
