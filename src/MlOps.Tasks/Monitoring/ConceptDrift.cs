using System.Globalization;
using MlOps.Models.Audit;
using MlOps.Models.Drift;
using MlOps.Models.Training;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>
/// Concept drift: feedback joined to the served predictions, the stream of errors (1 = the predicted class was
/// wrong) watched by a river detector, and the metrics of consecutive windows of labelled predictions.
/// </summary>
public sealed record ConceptDrift
{
    /// <summary>The feedback file.</summary>
    public required string Feedback { get; init; }

    /// <summary>Feedback rows read.</summary>
    public required int FeedbackRows { get; init; }

    /// <summary>Feedback rows joined to a logged prediction.</summary>
    public required int Matched { get; init; }

    /// <summary>Up to five feedback ids no logged prediction has, to check the join.</summary>
    public required IReadOnlyList<string> UnmatchedExamples { get; init; }

    /// <summary>The detector's name in river.</summary>
    public required string Detector { get; init; }

    /// <summary>Where the detector signalled drift: the 0-based position in the time-ordered labelled predictions, and that prediction's time.</summary>
    public required IReadOnlyList<(long Index, DateTimeOffset Time)> Detections { get; init; }

    /// <summary>The windows' metrics, oldest first; the last one may be short.</summary>
    public required IReadOnlyList<MetricWindow> Windows { get; init; }

    /// <summary>Limits the latest window breaks, one line each.</summary>
    public required IReadOnlyList<string> Breaches { get; init; }

    /// <summary>Joins <paramref name="feedback"/> to <paramref name="predictions"/> and watches the errors.</summary>
    /// <param name="predictions">The audit log's records.</param>
    /// <param name="feedback">The labelled outcomes.</param>
    /// <param name="file">The feedback file's name.</param>
    /// <param name="concept">The pipeline's concept drift settings.</param>
    /// <param name="idColumn">The schema's id column, whose logged values feedback may name rows by; null without one.</param>
    /// <exception cref="UsageException">The detector or its settings are not river's.</exception>
    public static ConceptDrift Analyse(IEnumerable<LoggedPrediction> predictions, IReadOnlyList<Feedback> feedback, string file, ConceptDriftSection concept, string? idColumn)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(concept);
        var served = Index(predictions, idColumn);
        var joined = new List<(DateTimeOffset Time, long Order, double Score, double Threshold, bool Positive)>();
        var unmatched = new List<string>();
        foreach (var outcome in feedback)
        {
            if (served.TryGetValue(outcome.Id, out var prediction))
            {
                joined.Add((prediction.Time, prediction.Order, prediction.Score, prediction.Threshold, outcome.Positive));
            }
            else if (unmatched.Count < 5)
            {
                unmatched.Add(outcome.Id);
            }
        }

        joined.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
        IDriftDetector detector;
        try
        {
            detector = ConceptDriftDetector.Create(concept.Detector, concept.Settings, concept.Mode);
        }
        catch (ArgumentException e)
        {
            // ArgumentException appends " (Parameter 'name')", which means nothing to the user.
            var where = concept.Location is { } location ? $" ({location})" : "";
            throw new UsageException($"monitoring.concept{where}: {e.Message.Split(" (Parameter")[0]}");
        }

        var detections = new List<(long, DateTimeOffset)>();
        for (var i = 0; i < joined.Count; i++)
        {
            // Wrong when the class the server answered (score above the request's threshold) is not the label.
            detector.Update(joined[i].Score > joined[i].Threshold != joined[i].Positive ? 1 : 0);
            if (detector.DriftDetected)
            {
                detections.Add((i, joined[i].Time));
            }
        }

        var windows = CutWindows(joined, concept.Window);
        return new ConceptDrift
        {
            Feedback = file,
            FeedbackRows = feedback.Count,
            Matched = joined.Count,
            UnmatchedExamples = unmatched,
            Detector = concept.Detector,
            Detections = detections,
            Windows = windows,
            Breaches = windows.Count == 0 ? [] : LatestBreaches(windows[^1], concept),
        };
    }

    private static Dictionary<string, (DateTimeOffset Time, long Order, double Score, double Threshold)> Index(IEnumerable<LoggedPrediction> predictions, string? idColumn)
    {
        var served = new Dictionary<string, (DateTimeOffset, long, double, double)>(StringComparer.Ordinal);
        var order = 0L;
        foreach (var record in predictions)
        {
            var ids = idColumn is null ? null : RowIds(record, idColumn);
            for (var row = 0; row < record.Scores.Count; row++)
            {
                var entry = (record.Time, order++, record.Scores[row], record.Threshold);
                served[string.Create(CultureInfo.InvariantCulture, $"{record.RequestId}/{row}")] = entry;
                if (record.Scores.Count == 1)
                {
                    served[record.RequestId] = entry;
                }

                if (ids?[row] is { } id)
                {
                    served[id] = entry;
                }
            }
        }

        return served;
    }

    private static string?[]? RowIds(LoggedPrediction record, string idColumn)
    {
        if (record.Inputs is not { } inputs || !inputs.TryGetProperty("columns", out var columns) || !inputs.TryGetProperty("data", out var data))
        {
            return null;
        }

        var index = columns.EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(idColumn);
        return index < 0 ? null
            : [.. data.EnumerateArray().Select(row => row.GetArrayLength() > index ? row[index].ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => row[index].GetString(),
                System.Text.Json.JsonValueKind.Number => row[index].GetRawText(),
                _ => null,
            } : null)];
    }

    private static List<MetricWindow> CutWindows(List<(DateTimeOffset Time, long Order, double Score, double Threshold, bool Positive)> joined, int size)
    {
        var windows = new List<MetricWindow>();
        for (var start = 0; start < joined.Count; start += size)
        {
            var rows = joined.Skip(start).Take(size).ToList();
            var labels = rows.Select(r => r.Positive).ToList();
            var scores = rows.Select(r => r.Score).ToList();
            windows.Add(new MetricWindow(rows[0].Time, rows[^1].Time, rows.Count, labels.Count(l => l), ModelMetrics.Of(labels, scores).ToDictionary()));
        }

        return windows;
    }

    private static List<string> LatestBreaches(MetricWindow latest, ConceptDriftSection concept)
    {
        var breaches = new List<string>();
        foreach (var (limits, lower) in new[] { (concept.Min, true), (concept.Max, false) })
        {
            foreach (var (metric, limit) in limits)
            {
                var value = latest.Metrics.GetValueOrDefault(metric, double.NaN);
                if (!double.IsNaN(value) && (lower ? value < limit : value > limit))
                {
                    breaches.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{metric} {value:0.0000} on the latest {latest.Rows} labelled predictions "
                        + $"is {(lower ? "below the minimum" : "above the maximum")} {limit} "
                        + $"(monitoring.concept.{(lower ? "min" : "max")}, {concept.LocationOf(lower ? "min" : "max")})"));
                }
            }
        }

        return breaches;
    }

    /// <summary>The metric names a window limit may name.</summary>
    public static IReadOnlyList<string> MetricNames => GateMetrics.Names;
}

/// <summary>The metrics of one window of labelled predictions.</summary>
/// <param name="From">The first prediction's time.</param>
/// <param name="To">The last prediction's time.</param>
/// <param name="Rows">Labelled predictions in the window.</param>
/// <param name="Positives">Of them, with the positive label.</param>
/// <param name="Metrics">scikit-learn's metrics by their name in metrics.json (auc is NaN with one class only).</param>
public sealed record MetricWindow(DateTimeOffset From, DateTimeOffset To, int Rows, int Positives, IReadOnlyDictionary<string, double> Metrics);
