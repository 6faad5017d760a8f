using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Health;

/// <summary>Holds a server's health to the service level objectives of the pipeline file (<c>monitoring.slo</c>).</summary>
public static class ServiceLevelCheck
{
    private const string NoTraffic = "no traffic";

    /// <summary>
    /// The result of each objective <paramref name="slo"/> sets, in the order of the section; absent ones are not
    /// checked. Without traffic, latency and shares are not measured, but min_request_rate is breached (0 requests/s).
    /// </summary>
    public static IReadOnlyList<ObjectiveResult> Evaluate(ServiceHealth health, ServiceLevelSection slo)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(slo);
        var untimed = health.HasTraffic ? "no request was timed" : NoTraffic;
        var unknownWindow = "the server's start time is unknown (no process_start_time_seconds); compare two scrapes";
        var results = new List<ObjectiveResult>();
        Add(results, slo, slo.P50LatencyMs, new("p50_latency_ms", "p50 latency", health.P50LatencyMs, untimed, "0.###", " ms", ""));
        Add(results, slo, slo.P99LatencyMs, new("p99_latency_ms", "p99 latency", health.P99LatencyMs, untimed, "0.###", " ms", ""));
        Add(results, slo, slo.MaxErrorRate, new("max_error_rate", "error rate", health.ErrorRate, NoTraffic, "0.0000", "", Of(health.ServerErrors, health.Requests)));
        Add(results, slo, slo.MaxRejectedRate, new("max_rejected_rate", "rejected rate", health.RejectedRate, NoTraffic, "0.0000", "", Of(health.Rejected, health.Requests)));
        Add(results, slo, slo.MinRequestRate, new("min_request_rate", "request rate", health.RequestRate, unknownWindow, "0.###", " requests/s", "", AtMost: false));
        return results;
    }

    private static void Add(List<ObjectiveResult> results, ServiceLevelSection slo, double? limit, Measure measure)
    {
        if (limit is not { } bound)
        {
            return;
        }

        var location = slo.LocationOf(measure.Key);
        if (measure.Value is not { } value)
        {
            results.Add(new ObjectiveResult(measure.Key, null, bound, ObjectiveStatus.NotMeasured, $"{measure.Name} is not measured: {measure.Unmeasured}", location));
            return;
        }

        var met = measure.AtMost ? value <= bound : value >= bound;
        var measured = $"{measure.Name} {value.ToString(measure.Format, CultureInfo.InvariantCulture)}{measure.Unit}{measure.Detail}";
        var objective = Text($"the objective {bound}{measure.Unit}");
        var message = met ? $"{measured} meets {objective}"
            : $"{measured} is {(measure.AtMost ? "above" : "below")} {objective}{(location is null ? "" : $" ({location})")}";
        results.Add(new ObjectiveResult(measure.Key, value, bound, met ? ObjectiveStatus.Met : ObjectiveStatus.Breached, message, location));
    }

    // A share reads as the file writes it (0.01), with the counts behind it.
    private static string Of(long part, long whole) => Text($" ({part} of {whole} requests)");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An objective's key in the file, its name in a sentence, the value measured and how to show it.</summary>
    private sealed record Measure(string Key, string Name, double? Value, string Unmeasured, string Format, string Unit, string Detail, bool AtMost = true);
}
