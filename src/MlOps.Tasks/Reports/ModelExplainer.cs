using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using MlOps.Models.Tables;

namespace MlOps.Tasks.Reports;

/// <summary>
/// Explains a bundle's model with ML.NET's tools: PermutationFeatureImportance on the prediction transformer
/// (the chain's last step) over rows the rest of the chain featurised, and CalculateFeatureContribution for
/// a few example rows when the trainer supports it. Slots of the feature vector are mapped back to the
/// schema's columns by their slot names.
/// </summary>
internal sealed class ModelExplainer
{
    private const int Examples = 3;

    private readonly TransformerChain<ITransformer> featurise;
    private readonly ISingleFeaturePredictionTransformer<object> predictor;
    private readonly IReadOnlyList<string> columns;

    private ModelExplainer(TransformerChain<ITransformer> featurise, ISingleFeaturePredictionTransformer<object> predictor, IReadOnlyList<string> columns) =>
        (this.featurise, this.predictor, this.columns) = (featurise, predictor, columns);

    /// <exception cref="InvalidOperationException">The model is not a chain ending in a prediction transformer.</exception>
    public static ModelExplainer Of(ITransformer model, IReadOnlyList<string> columns)
    {
        if (model is not TransformerChain<ITransformer> chain || chain.LastTransformer is not ISingleFeaturePredictionTransformer<object> predictor)
        {
            throw new InvalidOperationException($"The model is a {model.GetType().Name}, not a chain ending in a prediction transformer.");
        }

        return new ModelExplainer(new TransformerChain<ITransformer>([.. chain.Take(chain.Count() - 1)]), predictor, columns);
    }

    /// <summary>Permutation importance per input column on <paramref name="rows"/>, most important first.</summary>
    public List<ColumnImportance> Importance(TableData rows, string label, int permutations, int seed)
    {
        // Featurised once and cached: each permutation reads every row once per slot.
        var features = new MLContext(seed).Data.Cache(featurise.Transform(rows.AsDataView()));
        return PermutationImportance.Measure(predictor, features, label, Slots(features), permutations, seed);
    }

    /// <summary>Why the model gives no per-prediction contributions, or null when it gives them.</summary>
    public string? ContributionsNote => ContributionEstimator(new MLContext(), predictor, 1) is null
        ? $"the {predictor.Model.GetType().Name} model does not support per-prediction contributions" : null;

    /// <summary>Contributions of the rows with the highest and lowest score and the one closest to 0.5; none when the model gives none.</summary>
    public List<RowContributions> Contributions(TableData rows, IReadOnlyList<string> ids, int seed)
    {
        var features = featurise.Transform(rows.AsDataView());
        var slots = Slots(features);
        if (ContributionEstimator(new MLContext(seed), predictor, slots.Length) is not { } estimator)
        {
            return [];
        }

        // Scored first and attributed after: contributions walk every tree per row, so only the picked rows get them.
        var scores = predictor.Transform(features).GetColumn<float>("Probability").ToArray();
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var picks = new List<(string Why, int Row)>
        {
            ("highest score", order.MaxBy(r => scores[r])),
            ("lowest score", order.MinBy(r => scores[r])),
            ("closest to the 0.5 threshold", order.MinBy(r => Math.Abs(scores[r] - 0.5))),
        }.Take(Examples).ToList();
        var picked = featurise.Transform(rows.Take([.. picks.Select(p => p.Row)]).AsDataView());
        var contributions = estimator.Fit(picked).Transform(predictor.Transform(picked))
            .GetColumn<VBuffer<float>>("FeatureContributions").Select(v => v.DenseValues().ToArray()).ToArray();
        return [.. picks.Select((p, i) => new RowContributions(p.Why, ids[p.Row], scores[p.Row],
            [.. slots.Select((column, slot) => (column, slot)).GroupBy(s => s.column, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(s => (double)contributions[i][s.slot])))
                .OrderByDescending(c => Math.Abs(c.Value))]))];
    }

    // ML.NET offers contributions for ICalculateFeatureContribution models, and for calibrated ones through a
    // second overload; a model loaded from a zip has its type only at run time, so the overload is bound here.
    private static IEstimator<ITransformer>? ContributionEstimator(MLContext ml, ISingleFeaturePredictionTransformer<object> predictor, int slots)
    {
        if (predictor is ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> plain)
        {
            return ml.Transforms.CalculateFeatureContribution(plain, slots, slots, normalize: false);
        }

        var calibrated = Ancestors(predictor.Model.GetType())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>));
        if (calibrated is null || !typeof(ICalculateFeatureContribution).IsAssignableFrom(calibrated.GetGenericArguments()[0]))
        {
            return null;
        }

        var method = typeof(ExplainabilityCatalog).GetMethods()
            .Single(m => m.Name == nameof(ExplainabilityCatalog.CalculateFeatureContribution) && m.IsGenericMethodDefinition)
            .MakeGenericMethod(calibrated.GetGenericArguments());
        return (IEstimator<ITransformer>)method.Invoke(null, [ml.Transforms, predictor, slots, slots, false])!;
    }

    private static IEnumerable<Type> Ancestors(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            yield return t;
        }
    }

    private string[] Slots(IDataView features)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.Schema[predictor.FeatureColumnName].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => Owner(n.ToString(), columns))];
    }

    // Slot names are the column's name, "<column>.<value>" for one-hot values and "<column>_missing" for missing flags.
    private static string Owner(string slot, IReadOnlyList<string> columns) =>
        columns.Where(c => slot == c || slot.StartsWith(c + ".", StringComparison.Ordinal) || slot == c + "_missing")
            .MaxBy(c => c.Length) ?? slot;
}
