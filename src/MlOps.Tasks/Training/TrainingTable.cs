using System.Text;
using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.DataChecks;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>Reads the pipeline's CSV table into memory, column by column, typed by the schema.</summary>
internal static class TrainingTable
{
    /// <summary>
    /// Reads <paramref name="path"/> (<paramref name="file"/> in messages); the label becomes true for the positive value.
    /// Columns named in <paramref name="skip"/> are not kept (training leaves out ids and excluded columns to save memory).
    /// </summary>
    /// <exception cref="InvalidFileException">A value does not fit its column's type, or the label is unusable.</exception>
    public static TableData Read(string path, string file, CsvSection csv, SchemaSection schema, IProgress<long>? progress = null,
        IReadOnlySet<string>? skip = null) => ReadRows(path, file, csv, schema, progress, skip).Data;

    /// <summary>
    /// Reads the table as <see cref="Read"/> does, with each row's key (of the schema's id column, else of all its
    /// fields as read, joined by <see cref="RowKey.FieldSeparator"/>) and the line where it starts.
    /// With a <paramref name="check"/>, the pipeline file is checked against the table's values once it has been read.
    /// </summary>
    /// <exception cref="InvalidFileException">A value does not fit its column's type, the label is unusable, or <paramref name="check"/> failed.</exception>
    public static TableRows ReadRows(string path, string file, CsvSection csv, SchemaSection schema, IProgress<long>? progress = null,
        IReadOnlySet<string>? skip = null, PipelineDataCheck? check = null)
    {
        var names = schema.Columns.Select(c => c.Name).ToList();
        using var reader = TableReader.Open(path, file, csv, names);
        var columns = schema.Columns.Where(c => c.Name == schema.Label || skip?.Contains(c.Name) != true)
            .Select(c => ColumnBuilder.For(c, schema, csv.Missing, IndexOf(reader, c.Name, file))).ToList();
        var idColumn = schema.Columns.FirstOrDefault(c => c.Type == ColumnType.Id)?.Name;
        var id = idColumn is null ? -1 : IndexOf(reader, idColumn, file);
        var (keys, lines, content) = (new List<ulong>(), new List<long>(), new StringBuilder());
        while (reader.Read())
        {
            foreach (var column in columns)
            {
                column.Add(reader);
            }

            check?.Add(reader);
            keys.Add(id >= 0 ? RowKey.Of(reader[id]) : RowKey.Of(Content(reader, content)));
            lines.Add(reader.Line);
            if ((reader.RowIndex & 0xFFFF) == 0)
            {
                progress?.Report(reader.RowIndex);
            }
        }

        check?.Verify();
        var table = new TableData([.. columns.Select(c => c.Build())]);
        CheckLabel(table, schema, file);
        return new TableRows(table, keys, lines, idColumn);
    }

    private static ReadOnlySpan<char> Content(TableReader reader, StringBuilder content)
    {
        content.Clear();
        for (var field = 0; field < reader.Columns.Count; field++)
        {
            if (field > 0)
            {
                content.Append(RowKey.FieldSeparator);
            }

            content.Append(reader[field]);
        }

        return content.ToString();
    }

    private static int IndexOf(TableReader reader, string name, string file)
    {
        var index = reader.Columns.ToList().IndexOf(name);
        return index >= 0
            ? index
            : throw new InvalidFileException(new SourceLocation(file, 1, 1), $"the header has no column '{name}', which schema.columns declares.");
    }

    private static void CheckLabel(TableData table, SchemaSection schema, string file)
    {
        var labels = ((FlagColumn)table[schema.Label]).Values;
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
        {
            var which = positives == 0 ? $"no row has the positive label '{schema.Positive}'" : $"every row has the positive label '{schema.Positive}'";
            throw new InvalidFileException(new SourceLocation(file, 1, 1),
                $"{which} in '{schema.Label}'; a classifier needs both classes (check schema.positive).");
        }
    }
}
