using System.Text;
using MlOps.Models.Scoring;
using nietras.SeparatedValues;

namespace MlOps.Serving.Requests;

/// <summary>
/// Reads a <c>text/csv</c> scoring request: a header naming the columns, then one line per row; an
/// empty cell is missing. A UTF-8 byte order mark (as Excel writes) is skipped, as pandas skips it.
/// </summary>
internal static class CsvRequestReader
{
    public static ScoringRequest Read(ReadOnlyMemory<byte> body, InputLayout layout, int maxRows)
    {
        var bytes = body.Span.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;
        var lines = Parse(Encoding.UTF8.GetString(bytes.Span));
        if (lines.Count == 0)
        {
            throw new BadRequestException(Problems.EmptyRequest, "The CSV is empty; send a header naming the columns, then one line per row.");
        }

        var batch = new BatchBuilder(layout, lines.Count - 1, maxRows);
        var columns = Header(lines[0].Cells).Select(name => batch.Column(name, "The CSV header")).ToList();
        for (var row = 0; row < batch.Rows; row++)
        {
            var (line, cells) = lines[row + 1];
            if (cells.Length != columns.Count)
            {
                throw new BadRequestException(Problems.InvalidCsv,
                    $"Line {line} has {cells.Length} fields, but the header has {columns.Count}; check the quoting of this line.", row: row);
            }

            for (var i = 0; i < cells.Length; i++)
            {
                batch.Set(columns[i], row, cells[i], new(ValueLocation.Shape.CsvLine, "", row, columns[i].Name, line));
            }
        }

        return batch.Rows > 0
            ? new ScoringRequest(batch.Table(), batch.Ids(), ModelScorer.Threshold)
            : throw new BadRequestException(Problems.EmptyRequest, "The CSV has a header but no rows; send at least one row.");
    }

    private static string[] Header(string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.FirstOrDefault(name => !seen.Add(name)) is { } twice
            ? throw new BadRequestException(Problems.DuplicateColumn, $"The CSV header names '{Shown.Text(twice)}' twice.", twice)
            : names;
    }

    /// <summary>Every non-blank line as its cells (the header first), with the line number it starts on.</summary>
    private static List<(int Line, string[] Cells)> Parse(string text)
    {
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
            var lines = new List<(int, string[])>();
            foreach (var row in reader)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue;
                }

                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }

                lines.Add((row.LineNumberFrom, cells));
            }

            return lines;
        }
        catch (NotSupportedException e)
        {
            // Sep's limit on one row's length, reached by an unterminated quote in a large body.
            throw new BadRequestException(Problems.InvalidCsv, $"The CSV has a line Sep cannot read ({Shown.Text(e.Message)}); check for an unterminated quote.");
        }
    }
}
