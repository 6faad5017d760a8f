using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_distinct_values_to_be_in_set</c>: the set of distinct non-null values is a subset of <c>value_set</c>.</summary>
internal sealed class DistinctValuesInSetExpectation(ExpectationSection spec, string column) : Expectation(spec, column)
{
    private readonly HashSet<string> distinct = new(StringComparer.Ordinal);

    public override void Observe(in Cell cell)
    {
        if (!cell.IsMissing && !distinct.GetAlternateLookup<ReadOnlySpan<char>>().Contains(cell.Text))
        {
            distinct.Add(cell.Text.ToString());
        }
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        var allowed = new HashSet<string>(Spec.ValueSet ?? [], StringComparer.Ordinal);
        var observed = distinct.Order(StringComparer.Ordinal).ToList();
        var outside = observed.Where(v => !allowed.Contains(v)).ToList();
        var summary = outside.Count == 0
            ? $"{Column}: its {observed.Count} distinct values are all in the set."
            : $"{Column}: {outside.Count} distinct values are not in the set: {string.Join(", ", outside.Take(10).Select(v => $"'{v}'"))}.";
        return Result(outside.Count == 0, summary) with { ObservedValue = observed };
    }
}
