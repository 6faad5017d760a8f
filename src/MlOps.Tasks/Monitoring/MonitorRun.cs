using System.Diagnostics;
using System.Globalization;
using MlOps.Models.Audit;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Monitoring;

/// <summary>
/// Monitor: resolves the inputs, reads both samples at once, tests the columns for drift, joins feedback for concept
/// drift, checks the server's objectives, writes the outputs, and with <see cref="MonitorOptions.Retrain"/> retrains.
/// </summary>
public static partial class MonitorRun
{
    /// <summary>Runs Monitor; the lines go to <see cref="MonitorOptions.Log"/> as it works.</summary>
    /// <exception cref="UsageException">An input does not exist, or feedback has no predictions to join.</exception>
    public static async Task<MonitorOutcome> RunAsync(MonitorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (pipeline, root, log) = (options.Pipeline, options.RepositoryRoot, options.Log);
        var monitored = DataDrift.MonitoredColumns(pipeline);
        MonitorInputs inputs;
        using (var store = TrackingStore.Open(options.Store))
        {
            inputs = MonitorInputs.Resolve(root, pipeline, store, options.Environment, options.Reference, options.Current);
        }

        var since = options.Since is { } text ? MonitorSince.Parse(text, DateTimeOffset.UtcNow) : (DateTimeOffset?)null;
        log.Information($"Monitor: reference {inputs.ReferenceShown}");
        var window = since is { } from && inputs.CurrentPath is null ? $", since {from.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "";
        log.Information($"Monitor: current {inputs.CurrentShown}{window}");
        if (since is not null && inputs.CurrentPath is not null)
        {
            log.Warning("Monitor: --since counts only for traffic the server logged; the whole --current batch is compared.");
        }

        // The two samples are read at once, one core each.
        var clock = Stopwatch.StartNew();
        var reading = Task.Run(
            () => DriftSample.FromCsv(inputs.ReferencePath, Path.GetRelativePath(root, inputs.ReferencePath), pipeline, monitored), cancellationToken);
        var current = inputs.CurrentPath is { } csv
            ? DriftSample.FromCsv(csv, Path.GetRelativePath(root, csv), pipeline, monitored)
            : DriftSample.FromAuditLog(inputs.AuditLog!, Path.GetRelativePath(root, inputs.AuditLog!), monitored, since);
        var reference = await reading.ConfigureAwait(false);
        foreach (var warning in reference.InvalidValueWarnings("reference data").Concat(current.InvalidValueWarnings("current data")))
        {
            log.Warning(warning);
        }

        var read = clock.Elapsed;
        var data = DataDrift.Compare(reference, current, pipeline.Monitoring, monitored);
        log.Information(string.Create(CultureInfo.InvariantCulture, $"Monitor: read {reference.Rows:N0} + {current.Rows:N0} rows in {read.TotalSeconds:0.00}s; ")
            + string.Create(CultureInfo.InvariantCulture, $"tested {data.Columns.Count} columns in {(clock.Elapsed - read).TotalSeconds:0.00}s"));
        var concept = Concept(options, inputs, since);
        var service = inputs.Deployment is { } deployment
            ? await ServiceCheck.RunAsync(deployment.Address, pipeline.Monitoring.Slo, cancellationToken).ConfigureAwait(false)
            : null;
        var breaches = MonitorReport.BreachesOf(data, concept, service, pipeline.Monitoring.LocationOf("drift_share")?.ToString() ?? pipeline.File);
        var report = new MonitorReport
        {
            Model = pipeline.Name,
            Version = inputs.Deployment?.Version,
            Environment = options.Environment,
            Time = DateTimeOffset.UtcNow,
            Pipeline = pipeline.File,
            Data = data,
            Concept = concept,
            Service = service,
            Breaches = breaches,
        };
        var folder = Path.Combine(options.ArtifactsFolder, ArtifactNames.MonitoringFolder);
        MonitorOutputs.Write(folder, report, pipeline);
        Show(log, report);
        var shown = Path.GetRelativePath(root, folder);
        log.Information($"Monitor: wrote {shown}/drift.json, drift.html, monitor.prom, grafana-dashboard.json, alert-rules.yml");
        var batch = inputs.CurrentPath is { } path ? Path.GetRelativePath(root, path) : null;
        Retraining.Run(Retraining.Decide(options.Retrain, data, concept, batch, pipeline.File, options.Store), options);
        return new MonitorOutcome { Report = report, Folder = shown, Note = Note(report) };
    }

    private static string Note(MonitorReport report)
    {
        var (data, breaches) = (report.Data, report.Breaches);
        var breached = report.Breached ? $", {breaches.Count} breach{(breaches.Count > 1 ? "es" : "")}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{data.Drifted}/{data.Tested} columns drifted{(data.DatasetDrift ? ", dataset drift" : "")}{breached}");
    }

    private static ConceptDrift? Concept(MonitorOptions options, MonitorInputs inputs, DateTimeOffset? since)
    {
        var pipeline = options.Pipeline;
        var concept = pipeline.Monitoring.Concept;
        var feedback = options.Feedback ?? concept.Feedback;
        if (feedback is null)
        {
            return null;
        }

        var path = Path.Combine(options.RepositoryRoot, feedback);
        if (!File.Exists(path))
        {
            throw new UsageException($"The feedback file {feedback} does not exist; pass --feedback=<csv or jsonl> or fix monitoring.concept.feedback in {pipeline.File}.");
        }

        if (inputs.AuditLog is not { } log || !File.Exists(log))
        {
            var missing = inputs.Deployment is null ? $"nothing is deployed to '{options.Environment}'" : "the deployment has logged none yet";
            throw new UsageException($"Feedback is joined to the predictions a deployed server logged, but {missing}; deploy first (./build.sh --target=Deploy).");
        }

        var schema = pipeline.Schema ?? throw new UsageException($"Concept drift needs the label of schema.label; {pipeline.File} has no schema.");
        var rows = FeedbackFile.Read(path, feedback, concept, schema);
        var idColumn = schema.Columns.FirstOrDefault(c => c.Type == ColumnType.Id)?.Name;
        try
        {
            return ConceptDrift.Analyse(AuditLogReader.Read(log).Where(p => since is null || p.Time >= since), rows, feedback, concept, idColumn);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
