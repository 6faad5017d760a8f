using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MlOps.Models.Schema;
using MlOps.Models.Tables;

namespace MlOps.Models.Training;

/// <summary>
/// Turns the schema's columns into one feature vector, deciding from the training rows what each needs:
/// numbers get missing values imputed (and a "was missing" flag when training saw any), categoricals
/// are one-hot encoded, or hashed when they have many distinct values, text becomes n-grams.
/// </summary>
internal static class FeaturePipeline
{
    public const string Features = "Features";

    public static (IEstimator<ITransformer> Estimator, IReadOnlyList<FeatureEncoding> Encodings) Build(
        MLContext ml, ModelSchema schema, TableData train, TrainingOptions options)
    {
        var estimator = (IEstimator<ITransformer>)new EstimatorChain<ITransformer>();
        var encodings = new List<FeatureEncoding>();
        var featureColumns = new List<string>();
        foreach (var column in schema.Features.Where(c => !options.Exclude.Contains(c.Name)))
        {
            var (step, encoding, outputs) = column.Kind switch
            {
                ColumnKind.Numeric or ColumnKind.Boolean => Number(ml, column, (NumberColumn)train[column.Name]),
                ColumnKind.Categorical => Category(ml, column.Name, (TextColumn)train[column.Name], options),
                _ => (ml.Transforms.Text.FeaturizeText(column.Name), new FeatureEncoding(column.Name, "text", "word and character n-grams"), [column.Name]),
            };
            estimator = estimator.Append(step);
            encodings.Add(encoding);
            featureColumns.AddRange(outputs);
        }

        if (featureColumns.Count == 0)
        {
            throw new ArgumentException("The schema leaves no feature column for the model to read.", nameof(schema));
        }

        estimator = estimator.Append(ml.Transforms.Concatenate(Features, [.. featureColumns]));
        if (TrainerCatalog.NeedsNormalisation(options.Trainer))
        {
            estimator = estimator.Append(ml.Transforms.NormalizeMinMax(Features));
        }

        return (estimator, encodings);
    }

    private static (IEstimator<ITransformer>, FeatureEncoding, string[]) Number(MLContext ml, ModelColumn column, NumberColumn values)
    {
        var missing = values.Values.Count(float.IsNaN);
        var kind = column.Kind == ColumnKind.Boolean ? "boolean" : "numeric";
        var impute = ml.Transforms.ReplaceMissingValues(column.Name, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean);
        if (missing == 0)
        {
            return (impute, new FeatureEncoding(column.Name, kind, "no missing values in training"), [column.Name]);
        }

        var flag = column.Name + "_missing";
        var step = ml.Transforms.IndicateMissingValues(flag, column.Name)
            .Append(ml.Transforms.Conversion.ConvertType(flag, outputKind: DataKind.Single))
            .Append(impute);
        return (step, new FeatureEncoding(column.Name, kind, $"{missing} missing values imputed with the mean, flagged in {flag}"), [column.Name, flag]);
    }

    private static (IEstimator<ITransformer>, FeatureEncoding, string[]) Category(MLContext ml, string name, TextColumn values, TrainingOptions options)
    {
        var distinct = values.Values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Count();
        return distinct <= options.MaxOneHot
            ? (ml.Transforms.Categorical.OneHotEncoding(name), new FeatureEncoding(name, "one-hot", $"{distinct} distinct values"), [name])
            : (ml.Transforms.Categorical.OneHotHashEncoding(name, numberOfBits: options.HashBits),
                new FeatureEncoding(name, "hashed", $"{distinct} distinct values into 2^{options.HashBits} slots"), [name]);
    }
}
