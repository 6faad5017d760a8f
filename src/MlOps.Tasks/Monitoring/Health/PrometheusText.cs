using System.Globalization;

namespace MlOps.Tasks.Monitoring.Health;

/// <summary>
/// Reads the Prometheus text exposition format 0.0.4, as /metrics writes it: samples with their labels,
/// comments, <c># HELP</c> and <c># TYPE</c> lines, label values with the escapes <c>\\</c>, <c>\"</c> and
/// <c>\n</c>, the values <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>, and optional timestamps.
/// </summary>
public static partial class PrometheusText
{
    private static readonly string[] MetricTypes = ["counter", "gauge", "histogram", "summary", "untyped"];

    /// <summary>The samples of <paramref name="text"/>, in the order written.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names its number and what was expected.</exception>
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<MetricSample>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            var content = line.TrimStart(' ', '\t');
            if (content.Length == 0)
            {
                continue;
            }

            if (content[0] == '#')
            {
                CheckComment(content, number);
                continue;
            }

            samples.Add(new SampleReader(line, number).Read());
        }

        return samples;
    }

    /// <summary>A sample value or a histogram bound as Prometheus writes them; null when it is not a number.</summary>
    public static double? Number(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var unsigned = token.TrimStart('+', '-');
        // Only one sign, and Go's ParseFloat spellings of the special values (any case).
        if (token.Length - unsigned.Length > 1)
        {
            return null;
        }

        var negative = token.StartsWith('-');
        if (unsigned.Equals("Inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (unsigned.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return unsigned.Length > 0 && (char.IsAsciiDigit(unsigned[0]) || unsigned[0] == '.')
            && double.TryParse(token, Decimal, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static void CheckComment(string line, int number)
    {
        // "#HELP" without a blank is a plain comment, as in Prometheus.
        if (line.Length < 2 || line[1] is not (' ' or '\t'))
        {
            return;
        }

        var words = line[1..].Split([' ', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["HELP" or "TYPE", ..])
        {
            return;
        }

        if (words.Length < 2 || !IsMetricName(words[1]))
        {
            throw Malformed(number, $"expected a metric name after '# {words[0]}', found {Found(words.Length < 2 ? null : words[1])}");
        }

        if (words[0] == "TYPE" && (words.Length != 3 || !MetricTypes.Contains(words[2], StringComparer.Ordinal)))
        {
            throw Malformed(number, $"expected one of {string.Join(", ", MetricTypes)} after '# TYPE {words[1]}', "
                + $"found {Found(words.Length < 3 ? null : string.Join(' ', words[2..]))}");
        }
    }

    private static bool IsMetricName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');

    private static string Found(string? token) => token is null ? "the end of the line" : $"'{token}'";

    private static FormatException Malformed(int number, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Line {number}: {expected}."));
}
