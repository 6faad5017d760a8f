using Microsoft.ML.Data;

namespace MlOps.Models.Tables;

/// <summary>One column of a <see cref="TableData"/>, held in memory as an array.</summary>
public abstract class TableColumn
{
    private protected TableColumn(string name) => Name = name;

    /// <summary>The column's name, as in the table's header.</summary>
    public string Name { get; }

    /// <summary>How many values the column holds.</summary>
    public abstract int Length { get; }

    internal abstract DataViewType Type { get; }

    internal abstract Delegate Getter(Func<int> row);

    internal abstract TableColumn Take(IReadOnlyList<int> rows);
}
