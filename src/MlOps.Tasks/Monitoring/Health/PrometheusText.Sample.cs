using System.Globalization;
using System.Text;

namespace MlOps.Tasks.Monitoring.Health;

public static partial class PrometheusText
{
    /// <summary>Reads one sample line: <c>name{label="value",…} value [timestamp]</c>.</summary>
    private sealed class SampleReader(string line, int number)
    {
        private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

        private int at;

        public MetricSample Read()
        {
            SkipBlanks();
            var name = Word(first: c => char.IsAsciiLetter(c) || c is '_' or ':', rest: c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
            if (name.Length == 0)
            {
                throw Expected("a metric name");
            }

            var blanks = SkipBlanks();
            var labels = NoLabels;
            var braces = Next == '{';
            if (braces)
            {
                at++;
                labels = Labels(name);
                blanks = SkipBlanks();
            }

            if (!blanks)
            {
                throw Expected(!braces ? $"'{{' or a blank after the metric name '{name}'" : $"a blank after the labels of '{name}'");
            }

            var value = Token();
            if (value.Length == 0)
            {
                throw Expected($"the value of '{name}'");
            }

            var parsed = Number(value) ?? throw Malformed(number, $"expected a number, +Inf, -Inf or NaN as the value of '{name}', found '{value}'");
            SkipBlanks();
            var timestamp = Token();
            long? milliseconds = null;
            if (timestamp.Length > 0)
            {
                milliseconds = long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ? ms
                    : throw Malformed(number, $"expected a timestamp in milliseconds after the value of '{name}', found '{timestamp}'");
            }

            SkipBlanks();
            return at == line.Length ? new MetricSample(name, labels, parsed, milliseconds)
                : throw Expected($"the end of the line after the timestamp of '{name}'");
        }

        private char? Next => at < line.Length ? line[at] : null;

        private Dictionary<string, string> Labels(string metric)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            SkipBlanks();
            while (Next != '}')
            {
                var label = Word(first: c => char.IsAsciiLetter(c) || c == '_', rest: c => char.IsAsciiLetterOrDigit(c) || c == '_');
                if (label.Length == 0)
                {
                    throw Expected($"a label name or '}}' in the labels of '{metric}'");
                }

                SkipBlanks();
                Expect('=', $"'=' after the label name '{label}'");
                SkipBlanks();
                Expect('"', $"'\"' to open the value of the label '{label}'");
                if (!labels.TryAdd(label, LabelValue(label)))
                {
                    throw Malformed(number, $"expected each label once, found '{label}' twice in the labels of '{metric}'");
                }

                SkipBlanks();
                if (Next == ',')
                {
                    at++;
                    SkipBlanks();
                }
                else if (Next != '}')
                {
                    throw Expected($"',' or '}}' after the value of the label '{label}'");
                }
            }

            at++;
            return labels;
        }

        private string LabelValue(string label)
        {
            var value = new StringBuilder();
            while (at < line.Length && line[at] != '"')
            {
                if (line[at] == '\\' && at + 1 < line.Length)
                {
                    at++;
                    // Other escapes stay as written, as Prometheus keeps them.
                    value.Append(line[at] switch { 'n' => "\n", '\\' => "\\", '"' => "\"", var other => "\\" + other });
                }
                else
                {
                    value.Append(line[at]);
                }

                at++;
            }

            Expect('"', $"'\"' to close the value of the label '{label}'");
            return value.ToString();
        }

        private string Word(Func<char, bool> first, Func<char, bool> rest)
        {
            var start = at;
            if (at < line.Length && first(line[at]))
            {
                at++;
                while (at < line.Length && rest(line[at]))
                {
                    at++;
                }
            }

            return line[start..at];
        }

        private string Token()
        {
            var start = at;
            while (at < line.Length && line[at] is not (' ' or '\t'))
            {
                at++;
            }

            return line[start..at];
        }

        private bool SkipBlanks()
        {
            var start = at;
            while (at < line.Length && line[at] is (' ' or '\t'))
            {
                at++;
            }

            return at > start;
        }

        private void Expect(char wanted, string what)
        {
            if (Next != wanted)
            {
                throw Expected(what);
            }

            at++;
        }

        private FormatException Expected(string what) =>
            Malformed(number, $"expected {what}, found {(at < line.Length ? $"'{line[at]}' at column {at + 1}" : "the end of the line")}");
    }
}
