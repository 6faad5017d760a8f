using System.Text.RegularExpressions;

namespace MlOps.Tasks.Data;

/// <summary>
/// What this build reads of DVC's configuration: <c>.dvc/config</c>, then <c>.dvc/config.local</c> (not committed: credentials), whose
/// values override it key by key, as <c>dvc remote modify --local</c> means. The files are configobj's INI dialect as DVC writes it:
/// <c>[core]</c> with <c>remote = name</c>, <c>['remote "name"']</c> (or <c>[remote "name"]</c>) with <c>url</c> and the options of its kind,
/// comments after <c>#</c> or <c>;</c>. Other sections and keys are DVC's business and are skipped.
/// </summary>
internal sealed partial class DvcConfig
{
    /// <summary>The files read, relative to the repository root, in order.</summary>
    public static readonly IReadOnlyList<string> Files = [".dvc/config", ".dvc/config.local"];

    private readonly Dictionary<string, ConfigValue> core = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (SourceLocation Header, Dictionary<string, ConfigValue> Values)> remotes = new(StringComparer.Ordinal);

    private DvcConfig()
    {
    }

    /// <summary>The default remote (<c>core.remote</c>), or null when none is set.</summary>
    public ConfigValue? DefaultRemote => core.GetValueOrDefault("remote");

    /// <summary>The remotes' names, in the order they were defined.</summary>
    public IReadOnlyList<string> RemoteNames => remotes.Keys.ToList();

    /// <summary>Reads the configuration of the repository at <paramref name="repositoryRoot"/>; absent files count as empty.</summary>
    /// <exception cref="InvalidFileException">A line is neither a section header, a <c>key = value</c>, a comment nor blank.</exception>
    public static DvcConfig Read(string repositoryRoot)
    {
        var config = new DvcConfig();
        foreach (var name in Files)
        {
            var file = Path.Combine(repositoryRoot, name);
            if (File.Exists(file))
            {
                config.Parse(name, File.ReadAllLines(file));
            }
        }

        return config;
    }

    /// <summary>Parses the texts of <paramref name="files"/> (name as reported, text) in order, each over what the earlier set.</summary>
    /// <exception cref="InvalidFileException">A line is neither a section header, a <c>key = value</c>, a comment nor blank.</exception>
    public static DvcConfig Parse(params IEnumerable<(string Name, string Text)> files)
    {
        var config = new DvcConfig();
        foreach (var (name, text) in files)
        {
            config.Parse(name, text.Split('\n'));
        }

        return config;
    }

    /// <summary>The remote called <paramref name="name"/>, or null when no section defines it.</summary>
    public DvcRemoteConfig? Remote(string name) =>
        remotes.TryGetValue(name, out var remote) ? new DvcRemoteConfig(name, remote.Header, remote.Values) : null;

    private void Parse(string name, string[] lines)
    {
        Dictionary<string, ConfigValue>? section = null;
        var inSection = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            var location = new SourceLocation(name, i + 1, 1);
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = OpenSection(line, location);
                inSection = true;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !inSection)
            {
                throw new InvalidFileException(location, inSection
                    ? $"expected 'key = value', a section such as [core] or ['remote \"name\"'], or a comment (the line is not shown: it may hold a secret)."
                    : "this line is outside any section; expected a section header such as [core] or ['remote \"name\"'] first (the line is not shown: it may hold a secret).");
            }

            var value = new ConfigValue(Value(line[(equals + 1)..].Trim(), location), location);
            if (section is not null)
            {
                section[line[..equals].Trim()] = value;
            }
        }
    }

    // Null for the sections this build does not read ([cache], ['machine "x"'], …): their keys are skipped.
    private Dictionary<string, ConfigValue>? OpenSection(string line, SourceLocation location)
    {
        var header = SectionHeader().Match(line);
        if (!header.Success)
        {
            throw new InvalidFileException(location, $"'{line}' is not a section header; expected [core] or ['remote \"name\"'].");
        }

        var title = header.Groups["title"].Value.Trim();
        if (title.Equals("core", StringComparison.OrdinalIgnoreCase))
        {
            return core;
        }

        var remote = RemoteTitle().Match(title);
        if (!remote.Success)
        {
            return null;
        }

        var remoteName = remote.Groups["name"].Value;
        if (!remotes.TryGetValue(remoteName, out var existing))
        {
            existing = (location, new Dictionary<string, ConfigValue>(StringComparer.OrdinalIgnoreCase));
            remotes.Add(remoteName, existing);
        }

        return existing.Values;
    }

    // configobj: a quoted value is taken as it is; an unquoted one ends at an inline comment.
    private static string Value(string text, SourceLocation location)
    {
        if (text.Length > 0 && text[0] is '"' or '\'')
        {
            var close = text.IndexOf(text[0], 1);
            if (close < 0 || (close + 1 < text.Length && text[(close + 1)..].TrimStart() is { Length: > 0 } rest && rest[0] is not ('#' or ';')))
            {
                throw new InvalidFileException(location, "the quoted value is not closed, or has text after its closing quote (the value is not shown: it may be a secret).");
            }

            return text[1..close];
        }

        var comment = InlineComment().Match(text);
        return (comment.Success ? text[..comment.Index] : text).Trim();
    }

    [GeneratedRegex("""^\[\s*(?:'(?<title>[^']*)'|"(?<title>[^"]*)"|(?<title>[^\[\]'"]+(?:"[^"]*")?))\s*\]$""")]
    private static partial Regex SectionHeader();

    [GeneratedRegex("""^remote\s+"(?<name>[^"]+)"$""")]
    private static partial Regex RemoteTitle();

    [GeneratedRegex(@"\s[#;]")]
    private static partial Regex InlineComment();
}
