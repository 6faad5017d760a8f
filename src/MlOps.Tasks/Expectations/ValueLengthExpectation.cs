using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_value_lengths_to_be_between</c>: the number of characters within the bounds.</summary>
internal sealed class ValueLengthExpectation(ExpectationSection spec, string column) : ColumnMapExpectation(spec, column)
{
    protected override string Wanted => $"of length {Bounds()}";

    protected override bool IsExpected(in Cell cell) => WithinBounds(cell.Text.Length);
}
