using System.Text;
using MlOps.Models.Scoring;
using nietras.SeparatedValues;

namespace MlOps.Serving.Requests;

/// <summary>Reads a <c>text/csv</c> scoring request: a header naming the columns, then one line per row; an empty cell is missing.</summary>
internal static class CsvRequestReader
{
    public static ScoringRequest Read(ReadOnlyMemory<byte> body, InputLayout layout)
    {
        var (header, rows) = Parse(Encoding.UTF8.GetString(body.Span));
        var batch = new BatchBuilder(layout, rows.Count);
        var columns = header.Select(name => batch.Column(name, "The CSV header")).ToList();
        for (var row = 0; row < rows.Count; row++)
        {
            var (line, cells) = rows[row];
            if (cells.Length != columns.Count)
            {
                throw new BadRequestException(Problems.InvalidCsv, $"Line {line} has {cells.Length} fields, but the header has {columns.Count}; check the quoting of this line.", row: row);
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

    private static (IReadOnlyList<string> Header, List<(int Line, string[] Cells)> Rows) Parse(string text)
    {
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
            if (reader.IsEmpty)
            {
                throw new BadRequestException(Problems.EmptyRequest, "The CSV is empty; send a header naming the columns, then one line per row.");
            }

            var rows = new List<(int, string[])>();
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

                rows.Add((row.LineNumberFrom, cells));
            }

            return (reader.Header.ColNames.ToList(), rows);
        }
        catch (ArgumentException e) when (e.Message.StartsWith("Col name '", StringComparison.Ordinal))
        {
            throw new BadRequestException(Problems.InvalidCsv, $"The CSV header names the column '{e.Message.Split('\'')[1]}' more than once.");
        }
    }
}
