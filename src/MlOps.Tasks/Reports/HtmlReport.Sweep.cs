using System.Globalization;
using System.Text;

namespace MlOps.Tasks.Reports;

/// <content>The hyper-parameter search, when Train swept: the optimisation history, the importance and the best trial's settings.</content>
internal static partial class HtmlReport
{
    private static void SweepImages(StringBuilder html, ReportInputs inputs)
    {
        if (inputs.Sweep is not { } sweep)
        {
            return;
        }

        Image(html, "Optimisation history", SweepPlots.History(sweep));
        if (SweepImportance.Of(inputs.Pipeline.Training, sweep) is { Count: > 0 } importance)
        {
            Image(html, "Hyper-parameter importance", SweepPlots.Importance(importance));
        }
    }

    private static void Search(StringBuilder html, ReportInputs inputs)
    {
        if (inputs.Sweep is not { } sweep)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Hyper-parameter search</h2><p>{E(sweep.Counts)}; {E(sweep.Objective)} by cross-validation "
            + $"on the training rows, {(sweep.Minimises ? "minimised" : "maximised")}.</p>\n");
        if (sweep.Best is { } best)
        {
            var value = best.Objective is { } objective ? ModelCard.F(objective) : "?";
            Table(html, $"Best trial {best.Number} ({sweep.Objective} {value}), refit as this model", ["setting", "value"],
                ModelCard.SweepSettings(best).Select(p => new[] { p.Key, p.Value }));
        }

        if (SweepImportance.Of(inputs.Pipeline.Training, sweep) is { Count: > 0 } importance)
        {
            Table(html, "Hyper-parameter importance", ["parameter", "importance"], importance.Select(p => new[] { p.Parameter, ModelCard.F(p.Share) }));
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(SweepImportance.Method)}</p>\n");
        }
    }
}
