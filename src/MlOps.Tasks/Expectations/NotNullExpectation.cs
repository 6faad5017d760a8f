using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_values_to_not_be_null</c>: the one column-map expectation whose denominator is every row.</summary>
internal sealed class NotNullExpectation(ExpectationSection spec, string column) : ColumnMapExpectation(spec, column)
{
    protected override string Wanted => "present";

    public override void Observe(in Cell cell)
    {
        CountElement();
        if (cell.IsMissing)
        {
            Unexpected(null, cell);
        }
    }

    public override ExpectationResult Finish(TableFacts facts) =>
        Complete(Elements, Elements == 0 ? 0 : 100.0 * UnexpectedCount / Elements) with { MissingCount = null, MissingPercent = null };

    protected override bool IsExpected(in Cell cell) => true;
}
