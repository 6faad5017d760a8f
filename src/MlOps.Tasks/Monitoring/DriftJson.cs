using System.Globalization;
using MlOps.Models.Drift;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Monitoring;

/// <summary>drift.json: the machine-readable result of a Monitor run, in Evidently's words where it has them.</summary>
public static class DriftJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, MonitorReport report) => ArtifactJson.Write(path, Document(report));

    /// <summary>The verdict of the drift.json at <paramref name="path"/>, or null when there is no such file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">The path to name in an error (relative to the repository), when not <paramref name="path"/>.</param>
    /// <exception cref="InvalidFileException">It is not the drift.json Monitor writes.</exception>
    public static DriftVerdict? ReadVerdictIfExists(string path, string? shownAs = null) =>
        ArtifactJson.ReadIfExists<DriftVerdict>(path, shownAs, "Monitor", "./build.sh --target=Monitor again");


    /// <summary>A number, or null for the NaN of a column that was not tested (JSON has no NaN).</summary>
    private static double? Number(double value) => double.IsNaN(value) ? null : value;

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The document as serialisable objects.</summary>
    public static object Document(MonitorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = report.Data;
        return new
        {
            report.Model,
            report.Version,
            report.Environment,
            Time = Utc(report.Time),
            report.Pipeline,
            report.Breached,
            report.Breaches,
            DataDrift = new
            {
                data.Reference,
                data.Current,
                data.ReferenceRows,
                data.CurrentRows,
                DatasetDrift = data.DatasetDrift,
                NumberOfColumns = data.Tested,
                NumberOfDriftedColumns = data.Drifted,
                ShareOfDriftedColumns = data.Share,
                data.DriftShare,
                data.NotInCurrent,
                Columns = data.Columns.Select(c => new
                {
                    c.Column,
                    c.Type,
                    StatTest = c.Method,
                    c.IsDefault,
                    Threshold = Number(c.Threshold),
                    Score = Number(c.Score),
                    c.Statistic,
                    c.Exact,
                    DriftDetected = c.Drift,
                    Psi = Number(c.Psi),
                    PsiBand = c.Skipped is null ? c.PsiBand : (PsiBand?)null,
                    c.ReferenceRows,
                    c.CurrentRows,
                    c.ReferenceMissing,
                    c.CurrentMissing,
                    CurrentInvalid = c.CurrentInvalid > 0 ? c.CurrentInvalid : (long?)null,
                    c.Skipped,
                    Bins = c.Bins,
                }),
            },
            ConceptDrift = report.Concept is not { } concept ? null : new
            {
                concept.Feedback,
                concept.FeedbackRows,
                concept.Matched,
                concept.UnmatchedExamples,
                concept.Detector,
                DriftDetected = concept.Detections.Count > 0,
                Detections = concept.Detections.Select(d => new { d.Index, Time = Utc(d.Time) }),
                Windows = concept.Windows.Select(w => new { From = Utc(w.From), To = Utc(w.To), w.Rows, w.Positives, w.Metrics }),
                concept.Breaches,
            },
            Service = report.Service is not { } service ? null : new
            {
                service.Address,
                service.Problem,
                Health = service.Health is not { } health ? null : new
                {
                    health.Requests,
                    health.ServerErrors,
                    health.Rejected,
                    health.ErrorRate,
                    health.RejectedRate,
                    health.P50LatencyMs,
                    health.P99LatencyMs,
                    health.RequestRate,
                },
                Objectives = service.Objectives.Select(o => new { o.Objective, o.Value, o.Limit, o.Status, o.Message }),
            },
        };
    }
}
