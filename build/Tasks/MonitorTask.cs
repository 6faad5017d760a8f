using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Monitor")]
[TaskDescription("Compare current data (a CSV batch, else the deployed server's logged inputs) with the deployed version's training data; write drift.json, drift.html, metrics and alerts; exit 3 on a breach.")]
[TaskArgument("current", "A CSV batch of recent rows to check (default: the deployed server's logged inputs, else data.current).")]
[TaskArgument("reference", "The CSV to compare with (default: the data the deployed version was trained on).")]
internal sealed class MonitorTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var pipeline = context.Pipeline;
        var monitored = DataDrift.MonitoredColumns(pipeline);
        MonitorInputs inputs;
        using (var store = TrackingStore.Open(context.StoreFolder))
        {
            inputs = MonitorInputs.Resolve(context.RepositoryRoot, pipeline, store, context.EnvironmentName, context.Argument("reference"), context.Argument("current"));
        }

        context.Log.Information($"Monitor: reference {inputs.ReferenceShown}");
        context.Log.Information($"Monitor: current {inputs.CurrentShown}");
        var reference = DriftSample.FromCsv(inputs.ReferencePath, inputs.ReferenceShown.Split(' ')[0], pipeline, monitored);
        var current = inputs.CurrentPath is { } csv
            ? DriftSample.FromCsv(csv, Path.GetRelativePath(context.RepositoryRoot, csv), pipeline, monitored)
            : DriftSample.FromAuditLog(inputs.AuditLog!, Path.GetRelativePath(context.RepositoryRoot, inputs.AuditLog!), monitored);
        var data = DataDrift.Compare(reference, current, pipeline.Monitoring, monitored);
        var breaches = new List<string>();
        if (data.DatasetDrift)
        {
            breaches.Add(string.Create(CultureInfo.InvariantCulture,
                $"dataset drift: {data.Drifted} of {data.Tested} columns drifted ({data.Share:P0}), at least the drift_share {data.DriftShare:0.##} ({pipeline.Monitoring.LocationOf("drift_share")?.ToString() ?? pipeline.File})"));
        }

        var report = new MonitorReport
        {
            Model = pipeline.Name,
            Version = inputs.Deployment?.Version,
            Environment = context.EnvironmentName,
            Time = DateTimeOffset.UtcNow,
            Pipeline = pipeline.File,
            Data = data,
            Breaches = breaches,
        };
        var folder = Path.Combine(context.ArtifactsFolder, "monitoring");
        MonitorOutputs.Write(folder, report);
        Show(context, report);
        context.Note(string.Create(CultureInfo.InvariantCulture, $"{data.Drifted}/{data.Tested} columns drifted{(data.DatasetDrift ? ", dataset drift" : "")}"));
        if (report.Breached)
        {
            throw new QualityGateException($"Monitor: {report.Breaches.Count} threshold{(report.Breaches.Count > 1 ? "s" : "")} breached (above; details in {Path.GetRelativePath(context.RepositoryRoot, folder)}/).");
        }
    }

    private static void Show(BuildContext context, MonitorReport report)
    {
        foreach (var column in report.Data.Columns)
        {
            var line = column.Skipped is { } why
                ? $"  {column.Column,-22} not tested: {why}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"  {column.Column,-22} {(column.Drift ? "DRIFT   " : "ok      ")} {column.Method.ToString().ToLowerInvariant(),-13} {column.Score,10:G4} (threshold {column.Threshold:G3})  psi {column.Psi:0.000} {column.PsiBand.ToString().ToLowerInvariant(),-8} missing {column.ReferenceMissing:P1} -> {column.CurrentMissing:P1}");
            if (column.Drift)
            {
                context.Log.Warning(line);
            }
            else
            {
                context.Log.Information(line);
            }
        }

        foreach (var breach in report.Breaches)
        {
            context.Log.Error("  " + breach);
        }
    }
}
