using System.Globalization;

namespace MlOps.Tasks.Reports;

/// <summary>Reads predictions.csv as Validate writes it: id, label, score, predicted, then the protected attributes.</summary>
internal static class PredictionsFile
{
    public static (IReadOnlyList<string> Attributes, IReadOnlyList<PredictionRow> Rows) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(Split).Select(cells => new PredictionRow(cells[0], cells[1] == "1",
            double.Parse(cells[2], CultureInfo.InvariantCulture), cells[3] == "1", cells[4..])).ToList();
        return (header[4..], rows);
    }

    // RFC 4180 with the escaping PredictionsCsv applies: quotes around cells holding a comma, quote or line break.
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
