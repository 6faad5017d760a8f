using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Fairness;

/// <summary>
/// A protected attribute with its raw value in every analysed row. A categorical attribute groups rows by
/// value; a numeric one by its explicit <paramref name="Bins"/>, never automatically.
/// </summary>
/// <param name="Column">The column, as the schema names it.</param>
/// <param name="Values">
/// Each row's raw value (numbers as invariant text, e.g. <c>37</c> or <c>37.5</c>); null or empty is missing.
/// </param>
/// <param name="Bins">
/// Ascending bin edges for a numeric attribute (e.g. 18, 25, 40, 65, 120); empty for a categorical one.
/// </param>
/// <param name="Closed">
/// Which end of each bin is included. The outermost edge on the open side is included as well, so that
/// with edges 18 … 120 both 18 and 120 fall in a bin whatever the closedness: closed left gives
/// <c>[18, 25)</c> … <c>[65, 120]</c>, closed right gives <c>[18, 25]</c> … <c>(65, 120]</c>.
/// </param>
/// <param name="Privileged">
/// The privileged group that AIF360's statistical parity difference and disparate impact compare every
/// other group with: a value, or a bin label such as <c>[25, 40)</c>; null for none.
/// </param>
public sealed record ProtectedColumn(
    string Column, IReadOnlyList<string?> Values, IReadOnlyList<double> Bins, BinClosed Closed = BinClosed.Left, string? Privileged = null)
{
    /// <summary>A categorical attribute: each distinct value is a group.</summary>
    public static ProtectedColumn Categorical(string column, IReadOnlyList<string?> values, string? privileged = null) =>
        new(column, values, [], BinClosed.Left, privileged);

    /// <summary>The attribute that <paramref name="section"/> declares, with the analysed rows' values.</summary>
    public static ProtectedColumn Of(ProtectedSection section, IReadOnlyList<string?> values, string? privileged = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new(section.Column, values, section.Bins, section.Closed, privileged);
    }
}
