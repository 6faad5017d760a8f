using Microsoft.ML;

namespace MlOps.Models.Tables;

/// <summary>
/// A table held in memory column by column: what training reads and what a batch request becomes.
/// Seen by ML.NET as an <see cref="IDataView"/> without copying.
/// </summary>
public sealed class TableData
{
    /// <summary>A table of <paramref name="columns"/>, which must all have the same length.</summary>
    public TableData(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.FirstOrDefault(c => c.Length != RowCount) is { } ragged)
        {
            throw new ArgumentException($"Column '{ragged.Name}' has {ragged.Length} values, the others {RowCount}.", nameof(columns));
        }

        Columns = columns;
    }

    /// <summary>How many rows the table has.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in table order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The column called <paramref name="name"/>.</summary>
    public TableColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"The table has no column '{name}'.");

    /// <summary>A new table of the given rows, in the given order.</summary>
    public TableData Take(IReadOnlyList<int> rows) => new([.. Columns.Select(c => c.Take(rows))]);

    /// <summary>A new table with <paramref name="column"/> in place of the column of the same name.</summary>
    public TableData With(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        _ = this[column.Name];
        return new([.. Columns.Select(c => c.Name == column.Name ? column : c)]);
    }

    /// <summary>The table as ML.NET sees it.</summary>
    public IDataView AsDataView() => new TableView(this);
}
