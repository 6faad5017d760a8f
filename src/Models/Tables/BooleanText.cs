namespace MlOps.Models.Tables;

/// <summary>Booleans as CSV files, pipeline files and scoring requests write them: true/false, yes/no (any case), 1/0.</summary>
public static class BooleanText
{
    /// <summary>The value <paramref name="text"/> writes, or null when it is no boolean.</summary>
    public static bool? Parse(ReadOnlySpan<char> text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text is "1" ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text is "0" ? false
        : null;
}
