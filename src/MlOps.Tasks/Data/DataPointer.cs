using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MlOps.Tasks.Pipeline;
using YamlDotNet.RepresentationModel;

namespace MlOps.Tasks.Data;

/// <summary>
/// A .dvc file: the md5, size and path of one tracked file or directory, read and written
/// byte for byte as DVC 3 does (rules in shared/testvectors/dvc.md).
/// </summary>
public sealed partial record DataPointer
{
    /// <summary>md5 of the content; ends in <c>.dir</c> for a directory.</summary>
    public required string Md5 { get; init; }

    /// <summary>Size in bytes (of all files, for a directory).</summary>
    public required long Size { get; init; }

    /// <summary>Number of files, for a directory.</summary>
    public int? FileCount { get; init; }

    /// <summary>Whether the tracked file is executable.</summary>
    public bool IsExecutable { get; init; }

    /// <summary>The tracked path, relative to the .dvc file's folder, with '/'.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// Written by DVC 2 (no <c>hash: md5</c>): its md5 of text files was taken after CRLF→LF,
    /// so it cannot be compared with a DVC 3 md5 of the same bytes.
    /// </summary>
    public bool IsLegacy { get; init; }

    /// <summary>Optional keys DVC keeps after <c>path</c>, in DVC's order (desc, type, cache, remote, push).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; init; } = [];

    /// <summary>The DVC remote this output names (<c>remote:</c>, as <c>dvc add --to-remote -r</c> or an edit sets it), or null.</summary>
    public string? Remote => Extras.FirstOrDefault(e => e.Key == "remote").Value;

    /// <summary>A key this program does not know (DVC's labels, meta, …); rewriting the file would lose it.</summary>
    public string? UnknownKey { get; init; }

    // DVC's order (Output.dumpd): desc, type, labels, meta, cache, remote, push.
    private static readonly string[] ExtraKeys = ["desc", "type", "cache", "remote", "push"];

    /// <summary>A pointer to <paramref name="path"/> with the given content.</summary>
    internal static DataPointer For(string path, TrackedContent content) => new()
    {
        Md5 = content.Md5,
        Size = content.Size,
        FileCount = content.FileCount,
        IsExecutable = content.IsExecutable,
        Path = path,
    };

    /// <summary>The file's text as DVC 3 writes it.</summary>
    public string Format()
    {
        var text = new StringBuilder("outs:\n")
            .Append("- md5: ").Append(QuoteIfNumeric(Md5)).Append('\n')
            .Append("  size: ").Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (FileCount is { } count)
        {
            text.Append("  nfiles: ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (IsExecutable)
        {
            text.Append("  isexec: true\n");
        }

        text.Append("  hash: md5\n").Append("  path: ").Append(YamlScalar.Plain(Path)).Append('\n');
        foreach (var (key, value) in Extras)
        {
            text.Append("  ").Append(key).Append(": ").Append(key is "cache" or "push" ? value : YamlScalar.Plain(value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a .dvc file written by DVC 2 or 3 (LF or CRLF).</summary>
    /// <param name="file">The .dvc file.</param>
    /// <param name="displayName">Its name in messages, relative to the repository root.</param>
    /// <param name="dataPath">
    /// The pipeline's <c>data.path</c> the pointer pins (relative to the repository root); when given, the
    /// pointer's <c>path</c> must name it, as the file or folder beside the pointer.
    /// </param>
    /// <exception cref="InvalidFileException">The file is not a single-output .dvc file, or it tracks something else.</exception>
    public static DataPointer Read(string file, string displayName, string? dataPath = null)
    {
        var stream = YamlSource.Load(file, displayName);
        var root = stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        if (root is null || !root.Children.TryGetValue(new YamlScalarNode("outs"), out var outsNode)
            || outsNode is not YamlSequenceNode { Children.Count: 1 } outs || outs[0] is not YamlMappingNode entry)
        {
            throw new InvalidFileException(new SourceLocation(displayName, 1, 1), "expected 'outs:' with exactly one entry, as `dvc add` writes.");
        }

        var unknownTopLevel = root.Children.Keys.Select(k => k.ToString()).FirstOrDefault(k => k != "outs");
        var reader = new PointerReader(displayName, entry);
        var pointer = reader.Read(unknownTopLevel);
        var beside = dataPath is null ? null : System.IO.Path.GetFileName(dataPath.Replace('\\', '/').TrimEnd('/'));
        if (beside is not null && pointer.Path != beside)
        {
            throw reader.Failure("path",
                $"'path: {pointer.Path}' does not match data.path ({dataPath}); {displayName} tracks the file or folder beside it, so it must say 'path: {beside}'.");
        }

        return pointer;
    }

    private static string QuoteIfNumeric(string md5) => NumericLooking().IsMatch(md5) ? $"'{md5}'" : md5;

    [GeneratedRegex("^[0-9]+(e[0-9]+)?$")]
    private static partial Regex NumericLooking();

    [GeneratedRegex("^[0-9a-f]{32}(\\.dir)?$")]
    private static partial Regex Md5Format();

    private sealed class PointerReader(string file, YamlMappingNode entry)
    {
        public DataPointer Read(string? unknownTopLevel)
        {
            var known = new HashSet<string>(["md5", "size", "nfiles", "isexec", "hash", "path", .. ExtraKeys], StringComparer.Ordinal);
            var unknown = entry.Children.Keys.Select(k => k.ToString()).FirstOrDefault(k => !known.Contains(k)) ?? unknownTopLevel;
            var hash = Text("hash");
            if (hash is not null and not "md5")
            {
                Fail("hash", $"'hash: {hash}' is not supported; DVC 3 pointers use 'hash: md5'.");
            }

            return new DataPointer
            {
                Md5 = Text("md5") is { } md5
                    ? (Md5Format().IsMatch(md5) ? md5 : Fail("md5", $"'md5: {md5}' is not an md5 (32 hex digits, '.dir' for a folder)."))
                    : Fail("md5", "the entry has no 'md5'."),
                Size = long.TryParse(Text("size"), CultureInfo.InvariantCulture, out var size) ? size : Fail<long>("size", "'size' must be a whole number of bytes."),
                FileCount = int.TryParse(Text("nfiles"), CultureInfo.InvariantCulture, out var n) ? n : null,
                IsExecutable = Text("isexec") == "true",
                Path = Text("path") ?? Fail("path", "the entry has no 'path'."),
                IsLegacy = hash is null,
                Extras = ExtraKeys.Where(k => Text(k) is not null).Select(k => KeyValuePair.Create(k, Text(k)!)).ToList(),
                UnknownKey = unknown,
            };
        }

        public InvalidFileException Failure(string key, string problem)
        {
            var node = entry.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : entry;
            return new InvalidFileException(new SourceLocation(file, node.Start.Line, node.Start.Column), problem);
        }

        private string? Text(string key) =>
            entry.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

        private string Fail(string key, string problem) => Fail<string>(key, problem);

        private T Fail<T>(string key, string problem) => throw Failure(key, problem);
    }
}
