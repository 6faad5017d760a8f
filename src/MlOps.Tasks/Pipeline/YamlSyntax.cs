using YamlDotNet.Core;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Turns YamlDotNet's syntax errors into the place a user has to change and what was expected there:
/// an unclosed '[' or '{' points at the bracket, a tab at the tab (YamlDotNet reports 1:1), and the
/// end of the file at its last character rather than at a line past it.
/// </summary>
internal static class YamlSyntax
{
    /// <summary>Where to point for <paramref name="error"/>, found while the scanner stood at <paramref name="scanned"/>.</summary>
    public static SourceLocation Locate(string text, string file, YamlException error, Mark scanned, YamlStructureCheck.OpenNode? flow)
    {
        if (IsTab(error) && TabIndenting(text, scanned.Line) is { } column)
        {
            return new SourceLocation(file, scanned.Line, column);
        }

        return IsUnclosed(error, text, flow) ? flow!.Start : Clamp(text, file, error.Start);
    }

    /// <summary>What is wrong, in the words of <see cref="Locate"/>'s place.</summary>
    public static string Problem(YamlException error, string text, YamlStructureCheck.OpenNode? flow) =>
        IsTab(error) ? "YAML syntax error: a tab indents this line; YAML indents with spaces only."
        : IsUnclosed(error, text, flow) ? Unclosed(flow!, AtEnd(text, error.Start) ? null : Clamp(text, "", error.Start))
        : Problem(error);

    /// <summary>YamlDotNet's message without its own location prefix.</summary>
    public static string Problem(YamlException error)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (Line: …): "; the location is printed by us.
        var message = error.InnerException is { } inner && error.Message.Contains("Duplicate key", StringComparison.Ordinal) ? inner.Message : error.Message;
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        var text = start >= 0 && message.StartsWith('(') ? message[(start + 3)..] : message;
        return $"YAML syntax error: {text.TrimEnd('.')}.";
    }

    /// <summary>The problem when YamlDotNet's scanner gave up at <paramref name="scanned"/> without a YAML error.</summary>
    public static string Unreadable(string text, Mark scanned, YamlStructureCheck.OpenNode? flow) =>
        flow is not null
            ? Unclosed(flow, AtEnd(text, scanned) ? null : Clamp(text, "", scanned))
            : "YAML syntax error: the text cannot be read as YAML from here; expected a key, a value or the end of the file.";

    /// <summary><paramref name="mark"/> as a place in <paramref name="file"/>, or the file's last character when the mark lies past it.</summary>
    public static SourceLocation Clamp(string text, string file, Mark mark) =>
        AtEnd(text, mark) ? EndOf(text, file) : new SourceLocation(file, mark.Line, mark.Column);

    private static string Unclosed(YamlStructureCheck.OpenNode flow, SourceLocation? before)
    {
        var closing = flow.Bracket == '[' ? ']' : '}';
        var where = before is null ? "the end of the file" : $"{before.Line}:{before.Column}";
        return $"YAML syntax error: this '{flow.Bracket}' is never closed: ',' or '{closing}' was expected before {where}.";
    }

    private static bool IsTab(YamlException error) => error.Message.Contains(" tab ", StringComparison.Ordinal);

    private static bool IsUnclosed(YamlException error, string text, YamlStructureCheck.OpenNode? flow) =>
        flow is not null && (error.Message.Contains("did not find expected ',' or", StringComparison.Ordinal) || AtEnd(text, error.Start));

    private static bool AtEnd(string text, Mark mark) => mark.Index >= text.TrimEnd().Length;

    // The place just after the last character that is not white space.
    private static SourceLocation EndOf(string text, string file)
    {
        var end = text.TrimEnd().Length;
        var before = text.AsSpan(0, end);
        return new SourceLocation(file, before.Count('\n') + 1, end - before.LastIndexOf('\n'));
    }

    // The column of the first tab among the spaces and tabs that start line <paramref name="line"/>.
    private static long? TabIndenting(string text, long line)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return null;
        }

        var content = lines[line - 1];
        var indent = content.Length - content.TrimStart(' ', '\t').Length;
        var tab = content.AsSpan(0, indent).IndexOf('\t');
        return tab < 0 ? null : tab + 1;
    }
}
