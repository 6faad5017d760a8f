using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_values_to_be_between</c>: numbers within the bounds; a value that is not a number is unexpected.</summary>
internal sealed class BetweenExpectation(ExpectationSection spec, string column) : ColumnMapExpectation(spec, column)
{
    public override bool NeedsNumbers => true;

    protected override string Wanted => $"in {Bounds()}";

    protected override bool IsExpected(in Cell cell) => cell.Number is { } value && WithinBounds(value);
}
