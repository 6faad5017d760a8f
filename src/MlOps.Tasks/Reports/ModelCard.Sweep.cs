using System.Globalization;
using System.Text;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Reports;

/// <content>The hyper-parameter search, when Train swept: its settings, trials, best trial and the parameters' importance.</content>
internal static partial class ModelCard
{
    private static void Search(StringBuilder card, ReportInputs inputs)
    {
        if (inputs.Sweep is not { } sweep)
        {
            return;
        }

        var tags = inputs.Run.Tags;
        card.Append("### Hyper-parameter search\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Objective: `{sweep.Objective}` by cross-validation on the training rows, "
                + $"{(sweep.Minimises ? "minimised" : "maximised")}; sampler `{tags.GetValueOrDefault(SweepTags.Sampler, "?")}`, "
                + $"pruner `{tags.GetValueOrDefault(SweepTags.Pruner, "?")}`\n")
            .Append(CultureInfo.InvariantCulture, $"- Trials: {sweep.Counts}\n");
        if (sweep.Best is { } best)
        {
            card.Append(CultureInfo.InvariantCulture, $"- Best trial: {best.Number}, {sweep.Objective} "
                    + $"{(best.Objective is { } value ? F(value) : "?")}; its settings were refit on all the training rows as this model:\n\n")
                .Append("| Setting | Value |\n| --- | --- |\n");
            foreach (var (name, setting) in SweepSettings(best))
            {
                card.Append(CultureInfo.InvariantCulture, $"| {name} | {setting} |\n");
            }
        }
        else
        {
            card.Append("- Best trial: none; the sweep did not end.\n");
        }

        card.Append('\n');
        var importance = SweepImportance.Of(inputs.Pipeline.Training, sweep);
        if (importance.Count == 0)
        {
            card.Append("Parameter importance: not available; the pipeline file no longer has `training.sweep`.\n\n");
            return;
        }

        card.Append("Parameter importance. ").Append(SweepImportance.Method).Append("\n\n| Parameter | Importance |\n| --- | --- |\n");
        foreach (var p in importance)
        {
            card.Append(CultureInfo.InvariantCulture, $"| {p.Parameter} | {F(p.Share)} |\n");
        }

        card.Append('\n');
    }

    /// <summary>The model's hyper-parameters: the best trial's as Train refit them, when it swept; else <c>training.parameters</c>.</summary>
    private static IReadOnlyDictionary<string, string> ModelParameters(ReportInputs inputs) =>
        inputs.Sweep?.Best is { } best && inputs.Pipeline.Training.Sweep is not null
            ? new SweepSpace(inputs.Pipeline.Training).Options(SweepImportance.Dimensions(best)).Parameters
            : inputs.Pipeline.Training.Parameters;

    /// <summary>A trial's settings: the trainer first, then the searched parameters by name.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> SweepSettings(TrialRecord trial) =>
        trial.Params.OrderBy(p => p.Key == SweepSpace.TrainerDimension ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal);
}
