using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// A per-value expectation with GX semantics: nulls are dropped first, success ⇔ the share of
/// expected non-null values ≥ <c>mostly</c> (default 1), and no values at all is a success.
/// </summary>
internal abstract class ColumnMapExpectation(ExpectationSection spec, string column) : Expectation(spec, column)
{
    private const int ExampleLimit = 20;
    private readonly List<UnexpectedValue> examples = [];
    private long elements;
    private long missing;
    private long unexpected;

    /// <summary>What the values should be, for the summary ("between 18 and 100").</summary>
    protected abstract string Wanted { get; }

    public override void Observe(in Cell cell)
    {
        elements++;
        if (cell.IsMissing)
        {
            missing++;
            return;
        }

        if (!IsExpected(cell))
        {
            Unexpected(cell.Text.ToString(), cell);
        }
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        var nonNull = elements - missing;
        return Complete(nonNull, nonNull == 0 ? 0 : 100.0 * unexpected / nonNull);
    }

    protected abstract bool IsExpected(in Cell cell);

    protected void CountElement() => elements++;

    protected void CountMissing() => missing++;

    protected void Unexpected(string? value, in Cell cell)
    {
        unexpected++;
        if (examples.Count < ExampleLimit)
        {
            examples.Add(new UnexpectedValue(value, cell.Row, cell.Line));
        }
    }

    /// <summary>The result over <paramref name="denominator"/> values of which <c>unexpected</c> broke the expectation.</summary>
    protected ExpectationResult Complete(long denominator, double unexpectedPercent, long? unexpectedTotal = null)
    {
        // Examples are capped; an expectation that counts more than it records passes the true total.
        var count = unexpectedTotal ?? unexpected;
        var mostly = Spec.Mostly ?? 1.0;
        var success = denominator == 0 || (double)(denominator - count) / denominator >= mostly;
        var share = mostly < 1 ? $" (mostly {mostly:0.###})" : "";
        var summary = count == 0
            ? $"{Column}: all {denominator} values {Wanted}."
            : $"{Column}: {count} of {denominator} values ({unexpectedPercent:0.##} %) are not {Wanted}{share}, e.g. {Examples()}.";
        return Result(success, summary) with
        {
            ElementCount = elements,
            MissingCount = missing,
            MissingPercent = elements == 0 ? 0 : 100.0 * missing / elements,
            UnexpectedCount = count,
            UnexpectedPercent = unexpectedPercent,
            PartialUnexpected = examples,
        };
    }

    protected long Elements => elements;

    protected long UnexpectedCount => unexpected;

    private string Examples() =>
        string.Join(", ", examples.Take(3).Select(e => $"{(e.Value is null ? "null" : $"'{e.Value}'")} at row {e.Row} (line {e.Line})"));
}
