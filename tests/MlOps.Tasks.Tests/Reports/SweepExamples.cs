using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Tests.Reports;

/// <summary>
/// A report's inputs when Train swept LightGBM's learning rate and leaves: six trials, of which the learning rate explains
/// nearly all the variation of the finished ones' AUC (η² 0.0100 of 0.0101) and the leaves the rest.
/// </summary>
internal static class SweepExamples
{
    public static ReportInputs Inputs()
    {
        var inputs = ReportExamples.Inputs();
        var space = new Dictionary<string, IReadOnlyDictionary<string, SearchRangeSection>>
        {
            ["lightgbm"] = new Dictionary<string, SearchRangeSection>
            {
                ["learning_rate"] = new() { Low = 0.01, High = 0.3 },
                ["number_of_leaves"] = new() { Low = 4, High = 64 },
            },
        };
        var tags = new Dictionary<string, string> { [SweepTags.Objective] = "auc (maximize)", [SweepTags.Sampler] = "tpe", [SweepTags.Pruner] = "median" };
        return inputs with
        {
            Pipeline = inputs.Pipeline with { Training = inputs.Pipeline.Training with { Sweep = new SweepSection { Space = space } } },
            // As Train records the refit: the trainer's parameters (the sample's, with the best trial's values), and its own params.
            Run = inputs.Run with
            {
                Tags = tags,
                Params = new Dictionary<string, string>(inputs.Run.Params)
                {
                    ["trainer"] = "lightgbm", ["seed"] = "42", ["folds"] = "5", ["learning_rate"] = "0.05", ["minimum_example_count_per_leaf"] = "50",
                    ["number_of_iterations"] = "200", ["number_of_leaves"] = "32",
                },
            },
            Sweep = new SweepHistory("auc", Minimises: false,
            [
                Trial(0, "finished", "0.05", "16", 0.80),
                Trial(1, "finished", "0.2", "16", 0.70),
                Trial(2, "finished", "0.05", "32", 0.81),
                Trial(3, "pruned", "0.3", "32", 0.60),
                Trial(4, "finished", "0.2", "32", 0.71),
                Trial(5, "failed", "0.01", "4", null),
            ], BestTrial: 2),
        };
    }

    private static TrialRecord Trial(int number, string state, string rate, string leaves, double? auc) =>
        new(number, $"trial{number}", state, new Dictionary<string, string> { ["trainer"] = "lightgbm", ["learning_rate"] = rate, ["number_of_leaves"] = leaves },
            auc, state == "finished" ? 3 : 1);
}
