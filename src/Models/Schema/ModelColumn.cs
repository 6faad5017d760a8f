namespace MlOps.Models.Schema;

/// <summary>One input column of the model.</summary>
/// <param name="Name">The column's name in the table's header.</param>
/// <param name="Kind">How the model uses it.</param>
public sealed record ModelColumn(string Name, ColumnKind Kind);
