using System.Globalization;

namespace MlOps.Tasks;

/// <summary>A place in a file, 1-based, printed as <c>file:line:column</c> as compilers do.</summary>
public sealed record SourceLocation(string File, long Line, long Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";

    /// <summary>
    /// The location an artifact recorded as <see cref="ToString"/> wrote it (<c>file:line:column</c>); null for anything else
    /// (<c>schema</c>, nothing). The file may hold colons itself (<c>C:\repo\x.yaml</c>): line and column are the last two parts.
    /// </summary>
    public static SourceLocation? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var column = text.LastIndexOf(':');
        var line = column > 0 ? text.LastIndexOf(':', column - 1) : -1;
        return line > 0
            && long.TryParse(text.AsSpan(line + 1, column - line - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0
            && long.TryParse(text.AsSpan(column + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0
            ? new SourceLocation(text[..line], l, c) : null;
    }
}
