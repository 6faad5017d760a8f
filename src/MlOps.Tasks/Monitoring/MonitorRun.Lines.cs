using System.Globalization;

namespace MlOps.Tasks.Monitoring;

/// <summary>The lines Monitor shows: each column's test, the concept and service checks, the breaches.</summary>
public static partial class MonitorRun
{
    private static void Show(MonitorLog log, MonitorReport report)
    {
        foreach (var column in report.Data.Columns)
        {
            var line = column.Skipped is { } why
                ? $"  {column.Column,-22} not tested: {why}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"  {column.Column,-22} {(column.Drift ? "DRIFT   " : "ok      ")} {column.Method.ToString().ToLowerInvariant(),-13} ")
                + string.Create(CultureInfo.InvariantCulture,
                    $"{column.Score,10:G4} (threshold {column.Threshold:G3})  psi {column.Psi:0.000} {column.PsiBand.ToString().ToLowerInvariant(),-8} ")
                + string.Create(CultureInfo.InvariantCulture, $"missing {column.ReferenceMissing:P1} -> {column.CurrentMissing:P1}");
            (column.Drift ? log.Warning : log.Information)(line);
        }

        if (report.Data.NotInCurrent.Count > 0)
        {
            log.Information($"  not in the current data: {string.Join(", ", report.Data.NotInCurrent)}");
        }

        if (report.Concept is { } concept)
        {
            var latest = concept.Windows.Count > 0 ? concept.Windows[^1] : null;
            var window = latest is null ? ""
                : string.Create(CultureInfo.InvariantCulture,
                    $"; latest {latest.Rows} labelled: auc {latest.Metrics["auc"]:0.0000}, accuracy {latest.Metrics["accuracy"]:0.0000}");
            log.Information(string.Create(CultureInfo.InvariantCulture,
                $"Monitor: feedback {concept.Feedback}: {concept.Matched} of {concept.FeedbackRows} rows joined to predictions; ")
                + $"{concept.Detector}: {(concept.Detections.Count > 0 ? "drift" : "no drift")}{window}");
            if (concept.UnmatchedExamples.Count > 0)
            {
                log.Warning($"  feedback ids without a logged prediction, e.g. {string.Join(", ", concept.UnmatchedExamples)}"
                    + " (ids are request ids, <request id>/<row>, or the rows' id column when inputs are logged)");
            }
        }

        if (report.Service is { } service)
        {
            log.Information($"Monitor: service {service.Address}: {service.Health?.Summary ?? service.Problem}");
        }

        foreach (var breach in report.Breaches)
        {
            log.Error("  " + breach);
        }
    }
}
