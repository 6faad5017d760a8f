using System.Text.RegularExpressions;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_values_to_match_regex</c>: an unanchored search, as GX does; anchor with ^…$ yourself.</summary>
internal sealed class RegexExpectation(ExpectationSection spec, string column, Regex regex) : ColumnMapExpectation(spec, column)
{
    protected override string Wanted => $"matching /{regex}/";

    protected override bool IsExpected(in Cell cell)
    {
        try
        {
            return regex.IsMatch(cell.Text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new InvalidFileException(Spec.LocationOf("regex") ?? Spec.Location!,
                $"'regex' took over a second on the value at row {cell.Row} (line {cell.Line}) of {Column}: it backtracks; "
                + "simplify it (no backreferences or lookarounds lets it run in linear time).");
        }
    }
}
