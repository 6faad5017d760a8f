using System.Text.RegularExpressions;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary><c>expect_column_values_to_match_regex</c>: an unanchored search, as GX does; anchor with ^…$ yourself.</summary>
internal sealed class RegexExpectation(ExpectationSection spec, string column, Regex regex) : ColumnMapExpectation(spec, column)
{
    protected override string Wanted => $"matching /{regex}/";

    protected override bool IsExpected(in Cell cell) => regex.IsMatch(cell.Text);
}
