using MlOps.Models.Tables;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Validation;

/// <summary>Rows written in the pipeline file (minimum-functionality cases) as a table the model can score.</summary>
internal static class CaseTable
{
    public static TableData Of(SchemaSection schema, IReadOnlyList<BehaviourCaseSection> cases) =>
        new([.. schema.Columns.Select(c => Column(c, schema, cases))]);

    private static TableColumn Column(ColumnSection column, SchemaSection schema, IReadOnlyList<BehaviourCaseSection> cases)
    {
        var values = cases.Select(c => c.Row.GetValueOrDefault(column.Name)).ToList();
        return column.Name == schema.Label ? new FlagColumn(column.Name, new bool[cases.Count])
            : column.Type switch
            {
                ColumnType.Numeric => new NumberColumn(column.Name, [.. values.Select(TableCells.Number)]),
                ColumnType.Boolean => new NumberColumn(column.Name, [.. values.Select(TableCells.Boolean)]),
                _ => new TextColumn(column.Name, [.. values.Select(v => v ?? "")]),
            };
    }
}
