using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// A valid row of the sample for HTTP bodies: <c>$(row)</c> is it as a JSON object, <c>$(row:income="high")</c>
/// with a member's JSON value replaced or added, <c>$(row:-income)</c> without it; <c>$(csv)</c> is a header
/// and the row as CSV lines, <c>$(header)</c> the header alone.
/// </summary>
internal sealed partial class SampleRow
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "age", "employment_years", "income", "loan_amount", "loan_term", "interest_rate", "credit_history_years", "open_accounts", "delinquencies", "debt_to_income",
    };

    private readonly List<(string Name, string Text)> values;

    private SampleRow(List<(string Name, string Text)> values) => this.values = values;

    /// <summary>The first row of data/credit.csv without its label.</summary>
    public static SampleRow From(string table)
    {
        var lines = File.ReadLines(table).Take(2).ToList();
        var names = lines[0].Split(',');
        var cells = lines[1].Split(',');
        return new SampleRow([.. names.Zip(cells).Where(p => p.First != "default")]);
    }

    /// <summary>Expands the row macros and <c>$(repeat N:text)$</c> in <paramref name="body"/>.</summary>
    public string Expand(string body)
    {
        var text = Macro().Replace(body, m => m.Groups[1].Value switch
        {
            "csv" => Header() + "\n" + string.Join(',', values.Select(v => v.Text)) + "\n",
            "header" => Header(),
            _ => Json(m.Groups[3].Success ? m.Groups[3].Value : ""),
        });
        return BadInputCorpus.Expand(text);
    }

    private string Header() => string.Join(',', values.Select(v => v.Name));

    private string Json(string change)
    {
        var members = values.Select(v => (v.Name, Value: Numeric.Contains(v.Name) ? v.Text : $"\"{v.Text}\"")).ToList();
        foreach (var part in change.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('-'))
            {
                members.RemoveAll(m => m.Name == part[1..]);
                continue;
            }

            var (name, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var at = members.FindIndex(m => m.Name == name);
            if (at < 0)
            {
                members.Add((name, value));
            }
            else
            {
                members[at] = (name, value);
            }
        }

        var json = new StringBuilder("{");
        json.AppendJoin(", ", members.Select(m => string.Create(CultureInfo.InvariantCulture, $"\"{m.Name}\": {m.Value}")));
        return json.Append('}').ToString();
    }

    [GeneratedRegex(@"\$\((row|csv|header)(:([^)]*))?\)")]
    private static partial Regex Macro();
}
