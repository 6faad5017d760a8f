using MlOps.Models.Schema;

namespace MlOps.Serving.Requests;

/// <summary>A column a request may send: one of the model's columns other than the label.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Kind">How the model uses it, which decides the values it accepts.</param>
/// <param name="Required">Whether the model reads it, so every row must carry it (it may still be null: the model imputes).</param>
/// <param name="Index">Its position in the table the model scores.</param>
internal sealed record InputColumn(string Name, ColumnKind Kind, bool Required, int Index)
{
    /// <summary>Whether the column holds numbers (numeric and boolean columns) rather than text.</summary>
    public bool IsNumber => Kind is ColumnKind.Numeric or ColumnKind.Boolean;
}
