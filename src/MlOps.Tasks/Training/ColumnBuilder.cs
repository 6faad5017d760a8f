using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>Collects one column's values while the table is read, parsing them by the column's type.</summary>
internal abstract class ColumnBuilder(ColumnSection column, IReadOnlyList<string> missing, int index)
{
    protected ColumnSection Column { get; } = column;

    public static ColumnBuilder For(ColumnSection column, SchemaSection schema, IReadOnlyList<string> missing, int index) =>
        column.Name == schema.Label ? new LabelBuilder(column, missing, index, schema.Positive)
        : column.Type switch
        {
            ColumnType.Numeric => new NumberBuilder(column, missing, index),
            ColumnType.Boolean => new BooleanBuilder(column, missing, index),
            _ => new TextBuilder(column, missing, index),
        };

    public void Add(TableReader reader)
    {
        var text = reader[index];
        var isMissing = false;
        foreach (var token in missing)
        {
            isMissing |= text.SequenceEqual(token);
        }

        Add(text, isMissing, reader);
    }

    public abstract TableColumn Build();

    protected abstract void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader);

    protected InvalidFileException Error(TableReader reader, string problem) =>
        new(new SourceLocation(reader.File, reader.Line, 1), $"column '{Column.Name}' (row {reader.RowIndex}) {problem}");
}
