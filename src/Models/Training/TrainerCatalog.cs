using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MlOps.Models.Training;

/// <summary>
/// The binary classifiers a pipeline can name, and their hyper-parameters. Every trainer is made
/// deterministic: seeded from the pipeline and on one thread unless <c>number_of_threads</c> says otherwise.
/// </summary>
public static class TrainerCatalog
{
    // Switches for console chatter and diagnostics, not hyper-parameters.
    private static readonly HashSet<string> NotParameters =
        ["Verbose", "Silent", "Quiet", "ShowTrainingStatistics", "ExecutionTime", "MemoryStatistics", "WriteLastEnsemble", "DiskTranspose"];

    /// <summary>The trainers by the name a pipeline file uses.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lightgbm", "fasttree", "sdca", "lbfgs"];

    /// <summary>The hyper-parameters <paramref name="trainer"/> accepts, by name.</summary>
    public static IReadOnlyList<TrainerParameter> Parameters(string trainer) =>
        [.. DefaultOptions(trainer, seed: 0).SelectMany(o => ParametersOf(trainer, o)).OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Linear models want features on one scale; trees do not care.</summary>
    internal static bool NeedsNormalisation(string trainer) => trainer is "sdca" or "lbfgs";

    internal static IEstimator<ITransformer> Create(MLContext ml, string trainer, IReadOnlyDictionary<string, string> parameters, int seed, string label)
    {
        var options = DefaultOptions(trainer, seed);
        var trainerOptions = (TrainerInputBaseWithLabel)options[0];
        trainerOptions.LabelColumnName = label;
        trainerOptions.FeatureColumnName = FeaturePipeline.Features;
        var known = options.SelectMany(o => ParametersOf(trainer, o).Select(p => (Parameter: p, Options: o))).ToDictionary(x => x.Parameter.Name);
        foreach (var (name, text) in parameters)
        {
            if (!known.TryGetValue(name, out var target))
            {
                throw new ArgumentException($"Trainer '{trainer}' has no parameter '{name}'.", nameof(parameters));
            }

            if (!target.Parameter.TryParse(text, out var value))
            {
                throw new ArgumentException($"Parameter '{name}' must be {target.Parameter.Expected}, not '{text}'.", nameof(parameters));
            }

            if (!target.Parameter.InRange(value!))
            {
                throw new ArgumentException($"Parameter '{name}' must be {target.Parameter.Range} for {trainer}, not {text}.", nameof(parameters));
            }

            target.Parameter.Apply(target.Options, value!);
        }

        if (options[0] is LightGbmBinaryTrainer.Options { ForceColumnWise: true } lightGbm)
        {
            lightGbm.ForceRowWise = false; // LightGBM refuses both; a pipeline that asks for column-wise gets it
        }

        return options[0] switch
        {
            LightGbmBinaryTrainer.Options o => ml.BinaryClassification.Trainers.LightGbm(o),
            FastTreeBinaryTrainer.Options o => ml.BinaryClassification.Trainers.FastTree(o),
            SdcaLogisticRegressionBinaryTrainer.Options o => ml.BinaryClassification.Trainers.SdcaLogisticRegression(o),
            LbfgsLogisticRegressionBinaryTrainer.Options o => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(o),
            _ => throw new InvalidOperationException($"No estimator for {options[0].GetType()}."),
        };
    }

    // The options objects a trainer is configured through; the first is the trainer's own. LightGBM is told
    // to build histograms row-wise: left to itself it times both ways on the first iteration and takes the
    // faster, a choice that can differ between machines and loads (LightGBM's docs ask for force_row_wise or
    // force_col_wise with deterministic).
    private static object[] DefaultOptions(string trainer, int seed)
    {
        switch (trainer)
        {
            case "lightgbm":
                var booster = new GradientBooster.Options();
                return [new LightGbmBinaryTrainer.Options { Seed = seed, NumberOfThreads = 1, Deterministic = true, ForceRowWise = true, Booster = booster }, booster];
            case "fasttree":
                return [new FastTreeBinaryTrainer.Options { Seed = seed, FeatureSelectionSeed = seed, NumberOfThreads = 1 }];
            case "sdca":
                return [new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }];
            case "lbfgs":
                return [new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }];
            default:
                throw new ArgumentException($"Unknown trainer '{trainer}'; trainers: {string.Join(", ", Names)}.", nameof(trainer));
        }
    }

    private static IEnumerable<TrainerParameter> ParametersOf(string trainer, object options) =>
        options.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Where(f => TrainerParameter.IsSupported(f.FieldType) && !NotParameters.Contains(f.Name))
            .Select(f => new TrainerParameter(f, f.GetValue(options), TrainerRanges.Of(trainer, TrainerParameter.SnakeCase(f.Name))));
}
