using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_table_row_count_to_be_between</c>.</summary>
internal sealed class RowCountExpectation(ExpectationSection spec) : Expectation(spec, column: null)
{
    public override ExpectationResult Finish(TableFacts facts)
    {
        var success = WithinBounds(facts.RowCount);
        return Result(success, $"the table has {facts.RowCount} rows; expected {Bounds()}.") with { ObservedValue = facts.RowCount };
    }
}
