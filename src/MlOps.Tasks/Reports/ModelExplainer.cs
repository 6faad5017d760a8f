using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using MlOps.Models.Tables;

namespace MlOps.Tasks.Reports;

/// <summary>
/// Explains a bundle's model on its held-out rows with ML.NET's tools: PermutationFeatureImportance on
/// the prediction transformer (the chain's last step) over the rows the rest of the chain featurised,
/// and CalculateFeatureContribution for a few example rows when the trainer supports it. Slots of the
/// feature vector are mapped back to the schema's columns by their slot names.
/// </summary>
internal static class ModelExplainer
{
    private const int Examples = 3;

    public static Explanation Explain(MLContext ml, ITransformer model, TableData rows, string label, IReadOnlyList<string> columns,
        IReadOnlyList<string> ids, int permutations)
    {
        if (model is not TransformerChain<ITransformer> chain || chain.LastTransformer is not ISingleFeaturePredictionTransformer<object> predictor)
        {
            throw new InvalidOperationException($"The model is a {model.GetType().Name}, not a chain ending in a prediction transformer.");
        }

        var featurise = new TransformerChain<ITransformer>([.. chain.Take(chain.Count() - 1)]);
        var features = featurise.Transform(rows.AsDataView());
        var slots = SlotColumns(features.Schema[predictor.FeatureColumnName], columns);
        var importance = ml.BinaryClassification.PermutationFeatureImportance(predictor, features, label, permutationCount: permutations);
        var byColumn = importance.Select((metrics, slot) => (Column: slots[slot], metrics.AreaUnderRocCurve))
            .GroupBy(s => s.Column, StringComparer.Ordinal)
            .Select(g => new ColumnImportance(g.Key, g.Count(), -g.Sum(s => s.AreaUnderRocCurve.Mean),
                Math.Sqrt(g.Sum(s => s.AreaUnderRocCurve.StandardDeviation * s.AreaUnderRocCurve.StandardDeviation))))
            .OrderByDescending(c => c.AucDrop).ToList();
        if (ContributionEstimator(ml, predictor, slots.Length) is not { } contributions)
        {
            return new Explanation(permutations, rows.RowCount, byColumn, [],
                $"the {predictor.Model.GetType().Name} model does not support per-prediction contributions");
        }

        return new Explanation(permutations, rows.RowCount, byColumn, Contributions(contributions, predictor, features, slots, ids), null);
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

    private static List<RowContributions> Contributions(IEstimator<ITransformer> estimator, ISingleFeaturePredictionTransformer<object> predictor,
        IDataView features, string[] slots, IReadOnlyList<string> ids)
    {
        var scored = estimator.Fit(features).Transform(predictor.Transform(features));
        var scores = scored.GetColumn<float>("Probability").ToArray();
        var contributions = scored.GetColumn<VBuffer<float>>("FeatureContributions").Select(v => v.DenseValues().ToArray()).ToArray();
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var picks = new List<(string Why, int Row)>
        {
            ("highest score", order.MaxBy(r => scores[r])),
            ("lowest score", order.MinBy(r => scores[r])),
            ("closest to the 0.5 threshold", order.MinBy(r => Math.Abs(scores[r] - 0.5))),
        };
        return [.. picks.Take(Examples).Select(p => new RowContributions(p.Why, ids[p.Row], scores[p.Row],
            [.. slots.Select((column, slot) => (column, slot)).GroupBy(s => s.column, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(s => (double)contributions[p.Row][s.slot])))
                .OrderByDescending(c => Math.Abs(c.Value))]))];
    }

    private static string[] SlotColumns(DataViewSchema.Column features, IReadOnlyList<string> columns)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => Owner(n.ToString(), columns))];
    }

    // Slot names are the column's name, "<column>.<value>" for one-hot values and "<column>_missing" for missing flags.
    private static string Owner(string slot, IReadOnlyList<string> columns) =>
        columns.Where(c => slot == c || slot.StartsWith(c + ".", StringComparison.Ordinal) || slot == c + "_missing")
            .MaxBy(c => c.Length) ?? slot;
}
