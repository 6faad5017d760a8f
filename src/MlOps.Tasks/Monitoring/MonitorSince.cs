using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Monitoring;

/// <summary>Monitor's <c>--since</c>: how far back the logged traffic counts, as a duration (<c>30m</c>, <c>24h</c>, <c>7d</c>) or a time (ISO 8601).</summary>
public static partial class MonitorSince
{
    /// <summary>The earliest time <paramref name="text"/> lets in, counted back from <paramref name="now"/>.</summary>
    /// <exception cref="UsageException">It is neither a duration nor a time.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Duration().Match(text) is { Success: true } match)
        {
            var amount = double.Parse(match.Groups["amount"].ValueSpan, CultureInfo.InvariantCulture);
            var span = match.Groups["unit"].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return now - span;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
            : throw new UsageException($"--since={text} is neither a duration (e.g. 30m, 24h, 7d) nor a time (e.g. 2026-11-26T08:00:00Z).");
    }

    [GeneratedRegex(@"^(?<amount>\d{1,6})(?<unit>[mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
