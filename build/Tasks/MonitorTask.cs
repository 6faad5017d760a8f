using System.Diagnostics;
using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Models.Audit;
using MlOps.Tasks;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Monitor")]
[TaskDescription("Compare current data (a CSV batch, else the deployed server's logged inputs) with the deployed version's training data, join feedback for concept drift, check the server's SLOs; write drift.json, drift.html, monitor.prom, a Grafana dashboard and alert rules; exit 3 on a breach.")]
[TaskArgument("current", "A CSV batch of recent rows to check (default: the deployed server's logged inputs, else data.current).")]
[TaskArgument("reference", "The CSV to compare with (default: the data the deployed version was trained on).")]
[TaskArgument("since", "Only the traffic the deployed server logged since then: 30m, 24h, 7d or a time (default: all of the deployment's).")]
[TaskArgument("feedback", "Labelled outcomes (CSV or JSON lines: id, label) to join to the deployed server's predictions (default: monitoring.concept.feedback).")]
internal sealed class MonitorTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var pipeline = context.Pipeline;
        var monitored = DataDrift.MonitoredColumns(pipeline);
        MonitorInputs inputs;
        using (var store = TrackingStore.Open(context.StoreFolder))
        {
            inputs = MonitorInputs.Resolve(context.RepositoryRoot, pipeline, store, context.EnvironmentName, context.Argument("reference"), context.Argument("current"));
        }

        var since = context.Argument("since") is { } text ? MonitorSince.Parse(text, DateTimeOffset.UtcNow) : (DateTimeOffset?)null;
        context.Log.Information($"Monitor: reference {inputs.ReferenceShown}");
        context.Log.Information($"Monitor: current {inputs.CurrentShown}{(since is { } from && inputs.CurrentPath is null ? $", since {from.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "")}");
        if (since is not null && inputs.CurrentPath is not null)
        {
            context.Log.Warning("Monitor: --since counts only for traffic the server logged; the whole --current batch is compared.");
        }

        // The two samples are read at once, one core each.
        var clock = Stopwatch.StartNew();
        var reading = Task.Run(() => DriftSample.FromCsv(inputs.ReferencePath, Path.GetRelativePath(context.RepositoryRoot, inputs.ReferencePath), pipeline, monitored));
        var current = inputs.CurrentPath is { } csv
            ? DriftSample.FromCsv(csv, Path.GetRelativePath(context.RepositoryRoot, csv), pipeline, monitored)
            : DriftSample.FromAuditLog(inputs.AuditLog!, Path.GetRelativePath(context.RepositoryRoot, inputs.AuditLog!), monitored, since);
        var reference = await reading;
        foreach (var warning in reference.InvalidValueWarnings("reference data").Concat(current.InvalidValueWarnings("current data")))
        {
            context.Log.Warning(warning);
        }

        var read = clock.Elapsed;
        var data = DataDrift.Compare(reference, current, pipeline.Monitoring, monitored);
        context.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"Monitor: read {reference.Rows:N0} + {current.Rows:N0} rows in {read.TotalSeconds:0.00}s; tested {data.Columns.Count} columns in {(clock.Elapsed - read).TotalSeconds:0.00}s"));
        var concept = Concept(context, inputs, since);
        var service = inputs.Deployment is { } deployment
            ? await ServiceCheck.RunAsync(deployment.Address, pipeline.Monitoring.Slo, CancellationToken.None)
            : null;
        var breaches = MonitorReport.BreachesOf(data, concept, service, pipeline.Monitoring.LocationOf("drift_share")?.ToString() ?? pipeline.File);
        var report = new MonitorReport
        {
            Model = pipeline.Name,
            Version = inputs.Deployment?.Version,
            Environment = context.EnvironmentName,
            Time = DateTimeOffset.UtcNow,
            Pipeline = pipeline.File,
            Data = data,
            Concept = concept,
            Service = service,
            Breaches = breaches,
        };
        var folder = Path.Combine(context.ArtifactsFolder, "monitoring");
        MonitorOutputs.Write(folder, report, pipeline);
        Show(context, report);
        var shown = Path.GetRelativePath(context.RepositoryRoot, folder);
        context.Log.Information($"Monitor: wrote {shown}/drift.json, drift.html, monitor.prom, grafana-dashboard.json, alert-rules.yml");
        context.Note(string.Create(CultureInfo.InvariantCulture, $"{data.Drifted}/{data.Tested} columns drifted{(data.DatasetDrift ? ", dataset drift" : "")}{(report.Breached ? $", {breaches.Count} breach{(breaches.Count > 1 ? "es" : "")}" : "")}"));
        if (context.Options.Retrain)
        {
            Retrain(context, inputs, data.DatasetDrift || concept?.Detections.Count > 0);
        }

        if (report.Breached)
        {
            throw new QualityGateException($"Monitor: {breaches.Count} threshold{(breaches.Count > 1 ? "s" : "")} breached (above; details in {shown}/drift.html).");
        }
    }

    private static ConceptDrift? Concept(BuildContext context, MonitorInputs inputs, DateTimeOffset? since)
    {
        var pipeline = context.Pipeline;
        var concept = pipeline.Monitoring.Concept;
        var feedback = context.Argument("feedback") ?? concept.Feedback;
        if (feedback is null)
        {
            return null;
        }

        var path = Path.Combine(context.RepositoryRoot, feedback);
        if (!File.Exists(path))
        {
            throw new UsageException($"The feedback file {feedback} does not exist; pass --feedback=<csv or jsonl> or fix monitoring.concept.feedback in {pipeline.File}.");
        }

        if (inputs.AuditLog is not { } log || !File.Exists(log))
        {
            throw new UsageException($"Feedback is joined to the predictions a deployed server logged, but {(inputs.Deployment is null ? $"nothing is deployed to '{context.EnvironmentName}'" : "the deployment has logged none yet")}; deploy first (./build.sh --target=Deploy).");
        }

        var schema = pipeline.Schema ?? throw new UsageException($"Concept drift needs the label of schema.label; {pipeline.File} has no schema.");
        var rows = FeedbackFile.Read(path, feedback, concept, schema);
        var idColumn = schema.Columns.FirstOrDefault(c => c.Type == MlOps.Tasks.Pipeline.ColumnType.Id)?.Name;
        try
        {
            return ConceptDrift.Analyse(AuditLogReader.Read(log).Where(p => since is null || p.Time >= since), rows, feedback, concept, idColumn);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static void Retrain(BuildContext context, MonitorInputs inputs, bool drift)
    {
        if (!drift)
        {
            context.Log.Information("Monitor: no drift found; nothing to retrain (--retrain).");
            return;
        }

        if (inputs.CurrentPath is not { } batch)
        {
            context.Log.Error("Monitor: drift found, but the current data is the server's logged inputs, which carry no labels; retrain with --current=<a labelled CSV batch> --retrain.");
            return;
        }

        var table = Path.GetRelativePath(context.RepositoryRoot, batch);
        var arguments = new List<string> { "--target=Default", $"--table={table}", $"--pipeline={context.Pipeline.File}", $"--store={context.StoreFolder}" };
        context.Log.Information($"Monitor: drift found; retraining on {table}: ./build.sh {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, WorkingDirectory = context.RepositoryRoot };
        foreach (var argument in SelfArguments().Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The training pipeline did not start.");
        process.WaitForExit();
        var outcome = process.ExitCode switch
        {
            0 => "the new version passed the gates and is staging (deploy it with ./build.sh --target=Deploy)",
            3 => "a gate refused the new data or model (above); staging is unchanged",
            _ => $"the training pipeline failed with exit code {process.ExitCode} (above)",
        };
        context.Log.Information($"Monitor: retrained on {table}: {outcome}.");
    }

    /// <summary>What runs this program again: the assembly when the process is the dotnet host, nothing for an apphost.</summary>
    private static IEnumerable<string> SelfArguments() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(MonitorTask).Assembly.Location] : [];

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

        if (report.Data.NotInCurrent.Count > 0)
        {
            context.Log.Information($"  not in the current data: {string.Join(", ", report.Data.NotInCurrent)}");
        }

        if (report.Concept is { } concept)
        {
            var latest = concept.Windows.Count > 0 ? concept.Windows[^1] : null;
            context.Log.Information(string.Create(CultureInfo.InvariantCulture,
                $"Monitor: feedback {concept.Feedback}: {concept.Matched} of {concept.FeedbackRows} rows joined to predictions; {concept.Detector}: {(concept.Detections.Count > 0 ? "drift" : "no drift")}{(latest is null ? "" : $"; latest {latest.Rows} labelled: auc {latest.Metrics["auc"]:0.0000}, accuracy {latest.Metrics["accuracy"]:0.0000}")}"));
            if (concept.UnmatchedExamples.Count > 0)
            {
                context.Log.Warning($"  feedback ids without a logged prediction, e.g. {string.Join(", ", concept.UnmatchedExamples)} (ids are request ids, <request id>/<row>, or the rows' id column when inputs are logged)");
            }
        }

        if (report.Service is { } service)
        {
            context.Log.Information($"Monitor: service {service.Address}: {service.Health?.Summary ?? service.Problem}");
        }

        foreach (var breach in report.Breaches)
        {
            context.Log.Error("  " + breach);
        }
    }
}
