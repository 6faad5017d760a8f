using System.Buffers;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Reads a YAML file that a user (or an attacker) wrote: strict UTF-8, every syntax error with its
/// line and column, and nesting and aliases bounded before YamlDotNet builds its node tree, which it
/// does recursively (a file nested 20,000 levels deep would otherwise overflow the stack).
/// </summary>
internal static class YamlSource
{
    /// <summary>Reads and parses <paramref name="path"/>; errors name <paramref name="displayName"/>.</summary>
    /// <exception cref="InvalidFileException">The file is not UTF-8, not YAML, or nested or repeated past the limits.</exception>
    public static YamlStream Load(string path, string displayName)
    {
        var text = Decode(File.ReadAllBytes(path), displayName);
        new YamlStructureCheck(text, displayName).Run();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // The structure check has read every event, so only what the loader adds remains (a duplicate key).
            throw new InvalidFileException(YamlSyntax.Clamp(text, displayName, e.Start), YamlSyntax.Problem(e));
        }

        return stream;
    }

    /// <summary>The text of a UTF-8 file (a byte order mark is skipped), or the place of its first invalid byte.</summary>
    internal static string Decode(byte[] bytes, string displayName)
    {
        var content = bytes.AsSpan();
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var before = chars.AsSpan(0, written);
        var line = before.Count('\n') + 1;
        var column = written - before.LastIndexOf('\n');
        throw new InvalidFileException(new SourceLocation(displayName, line, column),
            $"The file is not valid UTF-8: byte 0x{content[read]:X2} here does not start or continue a character; save it as UTF-8.");
    }
}
