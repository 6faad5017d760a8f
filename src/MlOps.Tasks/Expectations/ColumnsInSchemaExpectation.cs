using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>The schema check's warning for file columns the schema does not declare (they are ignored).</summary>
internal sealed class ColumnsInSchemaExpectation(ExpectationSection spec, IReadOnlyCollection<string> schemaColumns) : Expectation(spec, column: null)
{
    public override ExpectationResult Finish(TableFacts facts)
    {
        var extra = facts.Columns.Where(c => !schemaColumns.Contains(c)).ToList();
        return Result(extra.Count == 0, extra.Count == 0
            ? "every column of the file is in the schema."
            : $"the file has columns the schema does not declare (ignored): {string.Join(", ", extra)}; add them to schema.columns or remove them.")
            with { ObservedValue = extra };
    }
}
