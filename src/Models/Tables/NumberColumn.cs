using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlOps.Models.Tables;

/// <summary>A numeric column; a missing value is <see cref="float.NaN"/>.</summary>
/// <param name="name">The column's name.</param>
/// <param name="values">One value per row.</param>
public sealed class NumberColumn(string name, float[] values) : TableColumn(name)
{
    /// <summary>The values, one per row.</summary>
    public IReadOnlyList<float> Values => values;

    /// <inheritdoc />
    public override int Length => values.Length;

    internal override DataViewType Type => NumberDataViewType.Single;

    internal override Delegate Getter(Func<int> row) =>
        new ValueGetter<float>((ref float value) => value = values[row()]);

    internal override TableColumn Take(IReadOnlyList<int> rows) =>
        new NumberColumn(Name, [.. rows.Select(r => values[r])]);
}
