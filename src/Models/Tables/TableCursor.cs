using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlOps.Models.Tables;

/// <summary>Walks the rows of a <see cref="TableData"/> in order.</summary>
internal sealed class TableCursor : DataViewRowCursor
{
    private readonly TableData table;
    private readonly bool[] active;
    private readonly Delegate[] getters;
    private long position = -1;

    public TableCursor(TableData table, DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        this.table = table;
        Schema = schema;
        active = new bool[table.Columns.Count];
        foreach (var column in columnsNeeded)
        {
            active[column.Index] = true;
        }

        getters = [.. table.Columns.Select(c => c.Getter(() => (int)position))];
    }

    public override DataViewSchema Schema { get; }

    public override long Position => position;

    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        active[column.Index] && getters[column.Index] is ValueGetter<TValue> getter
            ? getter
            : throw new InvalidOperationException($"Column '{column.Name}' is not active or not of type {typeof(TValue).Name}.");

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

    public override bool MoveNext()
    {
        if (position + 1 >= table.RowCount)
        {
            position = table.RowCount;
            return false;
        }

        position++;
        return true;
    }
}
