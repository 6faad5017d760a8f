using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Models.Audit;

/// <summary>
/// The files of one log: rotated segments <c>&lt;stem&gt;.&lt;first seq, 12 digits&gt;&lt;ext&gt;</c>
/// beside the active file, then the active file. A segment whose name is taken (only a crash before
/// a file's first record was complete can cause that) gets <c>-2</c>, <c>-3</c>, … after the number.
/// </summary>
internal static class AuditSegments
{
    /// <summary>The rotated segments beside <paramref name="activePath"/>, oldest first.</summary>
    public static IReadOnlyList<string> Rotated(string activePath)
    {
        var folder = Folder(activePath);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var pattern = new Regex(
            $@"^{Regex.Escape(Path.GetFileNameWithoutExtension(activePath))}\.(?<seq>\d{{12}})(?:-(?<copy>[2-9]|[1-9]\d+))?{Regex.Escape(Path.GetExtension(activePath))}$",
            RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(folder)
            .Select(file => (File: file, Match: pattern.Match(Path.GetFileName(file))))
            .Where(f => f.Match.Success)
            .OrderBy(f => long.Parse(f.Match.Groups["seq"].ValueSpan, CultureInfo.InvariantCulture))
            .ThenBy(f => f.Match.Groups["copy"].Success ? int.Parse(f.Match.Groups["copy"].ValueSpan, CultureInfo.InvariantCulture) : 1)
            .Select(f => Path.Combine(Path.GetDirectoryName(activePath) ?? "", Path.GetFileName(f.File)))
            .ToList();
    }

    /// <summary>Every file of the log in chain order: the rotated segments, then the active file when it exists.</summary>
    public static IReadOnlyList<string> All(string activePath) =>
        File.Exists(activePath) ? [.. Rotated(activePath), activePath] : Rotated(activePath);

    /// <summary>A free name for the active file rotated away, whose first record is <paramref name="firstSeq"/>.</summary>
    public static string NameFor(string activePath, long firstSeq)
    {
        var stem = Path.Combine(Path.GetDirectoryName(activePath) ?? "", Path.GetFileNameWithoutExtension(activePath));
        var number = firstSeq.ToString("D12", CultureInfo.InvariantCulture);
        var extension = Path.GetExtension(activePath);
        var name = $"{stem}.{number}{extension}";
        for (var copy = 2; File.Exists(name); copy++)
        {
            name = $"{stem}.{number}-{copy}{extension}";
        }

        return name;
    }

    private static string Folder(string activePath) => Path.GetDirectoryName(Path.GetFullPath(activePath))!;
}
