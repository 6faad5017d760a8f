using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlOps.Models.Tables;

/// <summary>A column of text (categories, free text, identifiers); a missing value is the empty string.</summary>
/// <param name="name">The column's name.</param>
/// <param name="values">One value per row.</param>
public sealed class TextColumn(string name, string[] values) : TableColumn(name)
{
    /// <summary>The values, one per row.</summary>
    public IReadOnlyList<string> Values => values;

    /// <inheritdoc />
    public override int Length => values.Length;

    internal override DataViewType Type => TextDataViewType.Instance;

    internal override Delegate Getter(Func<int> row) =>
        new ValueGetter<ReadOnlyMemory<char>>((ref ReadOnlyMemory<char> value) => value = values[row()].AsMemory());

    internal override TableColumn Take(IReadOnlyList<int> rows) =>
        new TextColumn(Name, [.. rows.Select(r => values[r])]);
}
