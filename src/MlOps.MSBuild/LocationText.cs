using System.Globalization;
using MlOps.Tasks;

namespace MlOps.MSBuild;

/// <summary>Places written as text, as the library records some of them (an expectation's declaration).</summary>
internal static class LocationText
{
    /// <summary>
    /// The place a <c>file:line:column</c> text names (as expectation results record where they are declared), or null for another
    /// text (e.g. <c>schema</c>).
    /// </summary>
    public static SourceLocation? Parse(string? text)
    {
        var parts = text?.Split(':') ?? [];
        return parts.Length >= 3
            && long.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            && long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var column)
            ? new SourceLocation(string.Join(':', parts[..^2]), line, column) : null;
    }
}
