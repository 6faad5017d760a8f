// A minimal hand-written ML.NET program that trains what the Train task of pipelines/credit-scoring.yaml
// trains (src/Models/Training/FeaturePipeline.cs, TrainerCatalog.cs) on the same CSV, without the pipeline
// around it: TextLoader straight from the file, the same featurisation, the same LightGBM options, one fit,
// test AUC. Usage:
//   dotnet TrainMlNet.dll data/credit.csv [--split=product|mlnet] [--fused] [--cache] [--write-test-rows=FILE]
// --split=product (default) holds out the rows the Train task holds out: as DataSplit.HeldOut, the rows
//   whose id's SHA-256 (first 64 bits, big-endian) falls in the lowest 20 % of the range.
// --split=mlnet uses ml.Data.TrainTestSplit(0.2, seed 42): what a user would write; not stratified.
// --fused: one estimator per kind of step over all its columns (one pass over the data each) instead of
//   the pipeline's one estimator per column; the same features, in the same order.
// --cache keeps the parsed rows in memory (ml.Data.Cache) instead of parsing the file on every pass.
// --write-test-rows=FILE writes the product split's held-out row numbers, one a line, for the Python
//   peers, and stops.
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

var clock = Stopwatch.StartNew();
var path = args[0];
var split = args.FirstOrDefault(a => a.StartsWith("--split=", StringComparison.Ordinal))?["--split=".Length..] ?? "product";
var cache = args.Contains("--cache");
var fused = args.Contains("--fused");
var testRowsFile = args.FirstOrDefault(a => a.StartsWith("--write-test-rows=", StringComparison.Ordinal))?["--write-test-rows=".Length..];

var ml = new MLContext(seed: 42);
string[] categorical = ["marital_status", "region", "employment", "home_ownership", "purpose"];
string[] numeric = ["employment_years", "income", "loan_amount", "loan_term", "interest_rate",
    "credit_history_years", "open_accounts", "delinquencies", "debt_to_income"];
var loader = ml.Data.CreateTextLoader(new TextLoader.Options
{
    HasHeader = true,
    Separators = [','],
    MissingRealsAsNaNs = true, // "" is missing (NaN), as in the pipeline; ML.NET's default would read 0
    Columns =
    [
        new("id", DataKind.String, 0),
        new("marital_status", DataKind.String, 4),
        new("region", DataKind.String, 5),
        new("employment", DataKind.String, 6),
        new("employment_years", DataKind.Single, 7),
        new("income", DataKind.Single, 8),
        new("home_ownership", DataKind.String, 9),
        new("loan_amount", DataKind.Single, 10),
        new("loan_term", DataKind.Single, 11),
        new("interest_rate", DataKind.Single, 12),
        new("purpose", DataKind.String, 13),
        new("credit_history_years", DataKind.Single, 14),
        new("open_accounts", DataKind.Single, 15),
        new("delinquencies", DataKind.Single, 16),
        new("debt_to_income", DataKind.Single, 17),
        new("phone_verified", DataKind.Boolean, 18),
        new("default", DataKind.Boolean, 19),
    ],
});
IDataView data = loader.Load(path);
if (cache)
{
    data = ml.Data.Cache(data);
}

IDataView train, test;
if (split == "mlnet")
{
    var parts = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 42);
    (train, test) = (parts.TrainSet, parts.TestSet);
}
else
{
    var isTest = ProductSplit([.. data.GetColumn<ReadOnlyMemory<char>>("id").Select(id => id.ToString())], 0.2);
    if (testRowsFile is not null)
    {
        File.WriteAllLines(testRowsFile, Enumerable.Range(0, isTest.Length).Where(r => isTest[r]).Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return;
    }

    train = ml.Data.FilterByCustomPredicate<IdRow>(data, r => isTest[RowOf(r.id)]); // the predicate drops rows
    test = ml.Data.FilterByCustomPredicate<IdRow>(data, r => !isTest[RowOf(r.id)]);
}

var loaded = clock.Elapsed.TotalSeconds;

// Features in schema order, as FeaturePipeline decides them for this data: numbers imputed with the mean
// (plus a "missing" flag for the two columns that have missing values in training), categoricals one-hot
// (each has at most 64 values); id, and the excluded email, gender and age, left out.
IEstimator<ITransformer> pipeline;
List<string> features;
if (fused)
{
    // One estimator per kind of step over all its columns: fewer passes over the data, the same features.
    string[] flagged = ["employment_years", "income"];
    pipeline = ml.Transforms.IndicateMissingValues([.. flagged.Select(c => new InputOutputColumnPair(c + "_missing", c))])
        .Append(ml.Transforms.Conversion.ConvertType([.. flagged.Select(c => new InputOutputColumnPair(c + "_missing"))], DataKind.Single))
        .Append(ml.Transforms.Conversion.ConvertType("phone_verified", outputKind: DataKind.Single))
        .Append(ml.Transforms.ReplaceMissingValues([.. numeric.Append("phone_verified").Select(c => new InputOutputColumnPair(c))],
            MissingValueReplacingEstimator.ReplacementMode.Mean))
        .Append(ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair(c))]));
    features = ["marital_status", "region", "employment", "employment_years", "employment_years_missing", "income", "income_missing",
        "home_ownership", "loan_amount", "loan_term", "interest_rate", "purpose", "credit_history_years", "open_accounts",
        "delinquencies", "debt_to_income", "phone_verified"];
}
else
{
    (pipeline, features) = PerColumn();
}

pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", [.. features]))
    .Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
    {
        LabelColumnName = "default",
        FeatureColumnName = "Features",
        NumberOfIterations = 200,
        LearningRate = 0.05,
        NumberOfLeaves = 15,
        MinimumExampleCountPerLeaf = 50,
        Seed = 42,
        NumberOfThreads = 1,
        Deterministic = true,
        Booster = new GradientBooster.Options(),
    }));
var model = pipeline.Fit(train);
var fitted = clock.Elapsed.TotalSeconds;
// ML.NET reports log-loss in bits; printed in nats, as the pipeline and scikit-learn report it.
var metrics = ml.BinaryClassification.Evaluate(model.Transform(test), labelColumnName: "default");
var total = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ml.net split={split} cache={cache} fused={fused}: test auc {metrics.AreaUnderRocCurve:0.0000} log-loss {metrics.LogLoss * Math.Log(2):0.0000} "
    + $"({metrics.ConfusionMatrix.Counts.Sum(r => r.Sum()):0} rows)  load {loaded:0.0}s  fit {fitted - loaded:0.0}s  "
    + $"evaluate {total - fitted:0.0}s  total {total:0.0}s"));

// One estimator per column, in the order FeaturePipeline.Build appends them.
(IEstimator<ITransformer>, List<string>) PerColumn()
{
    IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
    var features = new List<string>();
    foreach (var column in new[] { "marital_status", "region", "employment", "employment_years", "income",
        "home_ownership", "loan_amount", "loan_term", "interest_rate", "purpose", "credit_history_years", "open_accounts",
        "delinquencies", "debt_to_income", "phone_verified" })
    {
        if (categorical.Contains(column))
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(column));
            features.Add(column);
        }
        else if (column is "employment_years" or "income")
        {
            pipeline = pipeline.Append(ml.Transforms.IndicateMissingValues(column + "_missing", column))
                .Append(ml.Transforms.Conversion.ConvertType(column + "_missing", outputKind: DataKind.Single))
                .Append(ml.Transforms.ReplaceMissingValues(column, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            features.AddRange([column, column + "_missing"]);
        }
        else
        {
            if (column == "phone_verified")
            {
                // The pipeline reads true/false as 1/0 numbers; TextLoader reads a Boolean, converted here.
                pipeline = pipeline.Append(ml.Transforms.Conversion.ConvertType(column, outputKind: DataKind.Single));
            }

            pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues(column, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            features.Add(column);
        }
    }

    return (pipeline, features);
}

// DataSplit.HeldOut: a row is held out when the first 64 bits (big-endian) of the SHA-256 of its id fall in
// the lowest fraction of the range, in each class alike; its fallback for a class the cut leaves on one side
// never applies to the sample.
static bool[] ProductSplit(string[] ids, double fraction)
{
    var threshold = (ulong)(fraction * 18446744073709551616.0);
    return [.. ids.Select(id => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))) < threshold)];
}

// The sample's ids are "A" + the row number.
static int RowOf(ReadOnlyMemory<char> id) => int.Parse(id.Span[1..], CultureInfo.InvariantCulture);

internal sealed class IdRow
{
#pragma warning disable IDE1006, CA1051, CS0649 // ML.NET maps the column by the field's name
    public ReadOnlyMemory<char> id;
#pragma warning restore IDE1006, CA1051, CS0649
}
