using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Report")]
[TaskDescription("Write the model card (model-card.md) and the HTML report with plots and explainability (report.html); log both to the run.")]
[IsDependentOn(typeof(BiasCheckTask))]
internal sealed class ReportTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        using var store = TrackingStore.Open(context.Store);
        using var key = SigningKeys.Resolve(context.Store);
        var request = context.Workspace;
        var gated = new ModelReport(store, key.PublicKey).Gate(request, context.Force);
        if (gated.Outcome is not { } outcome)
        {
            context.ReportUnchanged(gated.Summary);
            return;
        }

        var t = outcome.Timings;
        context.Log.Verbose(string.Create(CultureInfo.InvariantCulture, $"Report: read {t.Reading.TotalSeconds:0.00}s, importance {t.Importance.TotalSeconds:0.00}s, ")
            + string.Create(CultureInfo.InvariantCulture, $"contributions {t.Contributions.TotalSeconds:0.00}s, card and html {t.Writing.TotalSeconds:0.00}s"));
        if (outcome.Explanation is { } x)
        {
            var top = string.Join(", ", x.Importance.Take(3)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Column} {c.AucDrop:0.0000} ± {c.StandardDeviation:0.0000}")));
            context.Log.Information($"Report: permutation importance (AUC drop) on {x.RowsShown}: {top}");
        }

        var (card, html) = (Path.GetRelativePath(context.RepositoryRoot, outcome.ModelCard), Path.GetRelativePath(context.RepositoryRoot, outcome.Html));
        context.Log.Information($"Report: {card}, {html} (logged to run {outcome.RunId[..8]})");
        context.Note(gated.Summary);
    }
}
