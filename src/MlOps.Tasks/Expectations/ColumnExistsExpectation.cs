using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_to_exist</c>; the schema check declares one for every schema column.</summary>
internal sealed class ColumnExistsExpectation(ExpectationSection spec, string column) : Expectation(spec, column)
{
    public override ExpectationResult Finish(TableFacts facts)
    {
        var exists = facts.Columns.Contains(Column!, StringComparer.Ordinal);
        return Result(exists, exists ? $"{Column}: present." : $"{Column}: missing from the file; it has {string.Join(", ", facts.Columns)}.");
    }
}
