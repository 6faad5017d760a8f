using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Validation;

namespace MlOps.Build.Tasks;

[TaskName("Report")]
[TaskDescription("Write the model card (model-card.md) and the HTML report with plots and explainability (report.html); log both to the run.")]
[IsDependentOn(typeof(BiasCheckTask))]
internal sealed class ReportTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        // The report reads what the gates measured: unchanged gates (and code) mean an unchanged report.
        var metrics = Path.Combine(context.ArtifactsFolder, ArtifactNames.Metrics);
        var fingerprint = ModelReport.Fingerprint(context.Pipeline, metrics);
        if (!context.Force && fingerprint is not null && GateRecord.PassedBefore(metrics, Gates.Report, fingerprint) is { } before
            && File.Exists(Path.Combine(context.ArtifactsFolder, ArtifactNames.Report)))
        {
            context.ReportUnchanged($"{before} (written before)");
            return;
        }

        using var store = TrackingStore.Open(context.StoreFolder);
        using var key = SigningKeys.Resolve(context.StoreFolder);
        var outcome = new ModelReport(store, key.PublicKey).Run(new PipelineWorkspace
        {
            Pipeline = context.Pipeline,
            RepositoryRoot = context.RepositoryRoot,
            ArtifactsFolder = context.ArtifactsFolder,
        });
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
        if (fingerprint is not null)
        {
            GateRecord.Write(metrics, Gates.Report, passed: true, fingerprint, "model-card.md, report.html", store);
        }

        context.Note("model-card.md, report.html");
    }
}
