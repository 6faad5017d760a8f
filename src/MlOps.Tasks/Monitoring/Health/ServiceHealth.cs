using System.Globalization;

namespace MlOps.Tasks.Monitoring.Health;

/// <summary>
/// How /invocations fared over a window: requests, server errors and rejections, latency quantiles and the
/// request rate. From one scrape the window runs from the server's start; from two, between them.
/// </summary>
public sealed record ServiceHealth
{
    /// <summary>Requests answered, whatever the status.</summary>
    public required long Requests { get; init; }

    /// <summary>Requests answered with a server error (5xx).</summary>
    public required long ServerErrors { get; init; }

    /// <summary>Requests refused as bad input (4xx).</summary>
    public required long Rejected { get; init; }

    /// <summary>Server errors as a share of all requests; null without traffic.</summary>
    public double? ErrorRate => Requests == 0 ? null : (double)ServerErrors / Requests;

    /// <summary>Rejected requests as a share of all requests; null without traffic.</summary>
    public double? RejectedRate => Requests == 0 ? null : (double)Rejected / Requests;

    /// <summary>The median latency in milliseconds, as histogram_quantile(0.5, …) gives it; null when no request was timed.</summary>
    public double? P50LatencyMs { get; init; }

    /// <summary>The 99th-percentile latency in milliseconds, as histogram_quantile(0.99, …) gives it; null when no request was timed.</summary>
    public double? P99LatencyMs { get; init; }

    /// <summary>Requests per second over <see cref="Window"/>; null when the window is unknown (one scrape, no start time).</summary>
    public double? RequestRate { get; init; }

    /// <summary>The time the counts cover; null when the server's start time is unknown.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Whether any request was answered in the window.</summary>
    public bool HasTraffic => Requests > 0;

    /// <summary>One line for the log, e.g. "requests 120 (0.5/s), server errors 1 (0.0083), rejected 3 (0.0250), p50 3.2 ms, p99 24 ms".</summary>
    public string Summary => !HasTraffic
        ? "no traffic (0 requests)"
        : Text($"requests {Requests}{(RequestRate is { } rate ? Text($" ({rate:0.###}/s)") : "")}, server errors {ServerErrors} ({ErrorRate:0.0000}), ")
            + Text($"rejected {Rejected} ({RejectedRate:0.0000}), p50 {Milliseconds(P50LatencyMs)}, p99 {Milliseconds(P99LatencyMs)}");

    /// <summary>The health since the server started, from one scrape; the rate needs its <c>process_start_time_seconds</c>.</summary>
    /// <exception cref="MetricsUnavailableException">The scrape is not the scoring server's.</exception>
    public static ServiceHealth Of(MetricsScrape scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var counters = RequestCounters.Of(scrape);
        TimeSpan? window = counters.StartTime is { } start ? scrape.Time - DateTimeOffset.UnixEpoch.AddSeconds(start) : null;
        return From(counters, window is { Ticks: > 0 } ? window : null);
    }

    /// <summary>The health between two scrapes of the same server: the counts added, the rate over the time between them.</summary>
    /// <exception cref="ArgumentException"><paramref name="later"/> was not read after <paramref name="earlier"/>.</exception>
    /// <exception cref="MetricsUnavailableException">A scrape is not the scoring server's.</exception>
    public static ServiceHealth Between(MetricsScrape earlier, MetricsScrape later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var window = later.Time - earlier.Time;
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentException(Text($"The later scrape ({later.Time:O}) must be read after the earlier one ({earlier.Time:O})."), nameof(later));
        }

        return From(RequestCounters.Of(later).Since(RequestCounters.Of(earlier)), window);
    }

    private static ServiceHealth From(RequestCounters counters, TimeSpan? window)
    {
        var requests = Count(counters.ByStatus.Values.Sum());
        var buckets = counters.Buckets.Select(b => new HistogramBucket(b.Key, b.Value)).ToList();
        return new ServiceHealth
        {
            Requests = requests,
            ServerErrors = Count(counters.ByStatus.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value)),
            Rejected = Count(counters.ByStatus.Where(s => s.Key.StartsWith('4')).Sum(s => s.Value)),
            P50LatencyMs = Milliseconds(HistogramQuantile.Of(0.5, buckets)),
            P99LatencyMs = Milliseconds(HistogramQuantile.Of(0.99, buckets)),
            // No requests is a rate of 0 whatever the window.
            RequestRate = requests == 0 ? 0 : window is { } span ? requests / span.TotalSeconds : null,
            Window = window,
        };
    }

    private static long Count(double counter) => (long)Math.Round(counter);

    private static double? Milliseconds(double seconds) => double.IsNaN(seconds) ? null : seconds * 1000;

    private static string Milliseconds(double? ms) => ms is { } value ? Text($"{value:0.###} ms") : "not measured";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
