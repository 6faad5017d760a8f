using System.Globalization;
using MlOps.Tasks.Training;
using Spectre.Console;

namespace MlOps.Build.Tasks;

/// <summary>A sweep's trials as a console table: number, state, folds scored, objective and the searched values; the refit trial marked.</summary>
internal static class SweepTable
{
    public static Table Of(SweepHistory sweep)
    {
        // The trainer first, then the parameters by name.
        var names = sweep.Trials.SelectMany(t => t.Params.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n != "trainer").ThenBy(n => n, StringComparer.Ordinal).ToList();
        var direction = sweep.Minimises ? "minimize" : "maximize";
        var table = new Table().Title($"Sweep: {Markup.Escape(sweep.Counts)}; {Markup.Escape(sweep.Objective)} ({direction}) by cross-validation")
            .AddColumns(["Trial", "State", "Folds", Markup.Escape(sweep.Objective), .. names.Select(Markup.Escape)]);
        foreach (var trial in sweep.Trials)
        {
            var number = trial.Number.ToString(CultureInfo.InvariantCulture) + (trial.Number == sweep.BestTrial ? " (best)" : "");
            var objective = trial.Objective is { } value ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
            table.AddRow([number, trial.State, trial.Steps.ToString(CultureInfo.InvariantCulture), objective,
                .. names.Select(n => Markup.Escape(trial.Params.GetValueOrDefault(n, "-")))]);
        }

        return table;
    }
}
