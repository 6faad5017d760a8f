using System.Globalization;
using System.Text;
using MlOps.Models.Training;
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

    /// <summary>
    /// The model's hyper-parameters: when it swept, those the run recorded as Train refit them (the pipeline file may have
    /// changed since); else <c>training.parameters</c>. The run's own <c>seed</c> param is the training seed, shown apart.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ModelParameters(ReportInputs inputs)
    {
        if (inputs.Sweep is null)
        {
            return inputs.Pipeline.Training.Parameters;
        }

        var names = TrainerCatalog.Parameters(inputs.Provenance.Trainer).Select(p => p.Name).Where(n => n != "seed").ToHashSet(StringComparer.Ordinal);
        return inputs.Run.Params.Where(p => names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>A trial's settings: the trainer first, then the searched parameters by name.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> SweepSettings(TrialRecord trial) =>
        trial.Params.OrderBy(p => p.Key == SweepSpace.TrainerDimension ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal);
}
