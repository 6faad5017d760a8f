using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlOps.Models.Tables;

/// <summary>A true/false column: the label, as "is the positive class".</summary>
/// <param name="name">The column's name.</param>
/// <param name="values">One value per row.</param>
public sealed class FlagColumn(string name, bool[] values) : TableColumn(name)
{
    /// <summary>The values, one per row.</summary>
    public IReadOnlyList<bool> Values => values;

    /// <inheritdoc />
    public override int Length => values.Length;

    internal override DataViewType Type => BooleanDataViewType.Instance;

    internal override Delegate Getter(Func<int> row) =>
        new ValueGetter<bool>((ref bool value) => value = values[row()]);

    internal override TableColumn Take(IReadOnlyList<int> rows) =>
        new FlagColumn(Name, [.. rows.Select(r => values[r])]);
}
