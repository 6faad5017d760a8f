using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_values_to_be_in_set</c>: the value is one of <c>value_set</c> (as text, or as the same number).</summary>
internal sealed class InSetExpectation : ColumnMapExpectation
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> allowed;
    private readonly HashSet<double> numbers;

    public InSetExpectation(ExpectationSection spec, string column)
        : base(spec, column)
    {
        var values = new HashSet<string>(spec.ValueSet ?? [], StringComparer.Ordinal);
        allowed = values.GetAlternateLookup<ReadOnlySpan<char>>();
        numbers = values.Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN)
            .Where(double.IsFinite).ToHashSet();
        Wanted = "in {" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "}";
    }

    public override bool NeedsNumbers => numbers.Count > 0;

    protected override string Wanted { get; }

    protected override bool IsExpected(in Cell cell) =>
        allowed.Contains(cell.Text) || (cell.Number is { } number && numbers.Contains(number));
}
