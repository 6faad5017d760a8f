using Microsoft.ML;

namespace MlOps.Models.Tables;

/// <summary>A <see cref="TableData"/> as an ML.NET <see cref="IDataView"/>: one forward cursor over the arrays.</summary>
internal sealed class TableView : IDataView
{
    private readonly TableData table;

    public TableView(TableData table)
    {
        this.table = table;
        var builder = new DataViewSchema.Builder();
        foreach (var column in table.Columns)
        {
            builder.AddColumn(column.Name, column.Type);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => table.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new TableCursor(table, Schema, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
