using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Artifacts;

/// <summary>
/// Temporary files written beside their destination and renamed over it. The name says who writes it —
/// <c>.&lt;name&gt;.&lt;random&gt;.&lt;host tag&gt;-&lt;pid&gt;.tmp</c> — so that a later build removes the ones a killed
/// process left and never one a live process is writing.
/// </summary>
internal static partial class TemporaryFile
{
    /// <summary>A new temporary name beside <paramref name="path"/>, for this process (its folder is created).</summary>
    public static string Beside(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture,
            $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.{WriterProcess.HostTag}-{WriterProcess.Id}.tmp"));
    }

    /// <summary>
    /// Removes the temporary files under <paramref name="folder"/> that this machine's processes wrote and that no process
    /// writes any more: its writer is gone, or its id now belongs to a process started after the file was last written.
    /// Temporary files of other machines or programs, or named otherwise, stay.
    /// </summary>
    /// <returns>The files removed, in ordinal order.</returns>
    public static IReadOnlyList<string> RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var removed = new List<string>();
        var files = Directory.EnumerateFiles(folder, ".*.tmp", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 });
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var writer = Writer().Match(Path.GetFileName(file));
            if (!writer.Success || writer.Groups["host"].Value != WriterProcess.HostTag
                || !int.TryParse(writer.Groups["pid"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (!WriterProcess.Runs(pid, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero), noLaterThan: true))
                {
                    File.Delete(file);
                    removed.Add(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Renamed by its writer meanwhile, or not ours to remove.
            }
        }

        return removed;
    }

    // Anywhere in the name, since a writer may put its own temporary file beside one of ours (.<ours>.<random>.tmp).
    [GeneratedRegex(@"\.(?<host>[0-9a-f]{8})-(?<pid>[0-9]{1,10})\.tmp", RegexOptions.CultureInvariant)]
    private static partial Regex Writer();
}
