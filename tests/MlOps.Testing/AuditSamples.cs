using System.Text;
using MlOps.Models.Audit;

namespace MlOps.Testing;

/// <summary>Sample entries, logs written with <see cref="AuditLog"/>, and the means to tamper with them.</summary>
public static class AuditSamples
{
    /// <summary>The sample entry of request <paramref name="i"/>: its first score is i / 100, so line k holds 0.0k.</summary>
    public static AuditEntry Entry(int i) => new()
    {
        Time = new DateTimeOffset(2026, 11, 26, 13, 58, 0, 123, TimeSpan.Zero).AddSeconds(i),
        RequestId = $"req-{i:D4}",
        ModelName = "credit-scoring",
        ModelVersion = "3",
        BundleSha256 = new string('b', 64),
        User = i % 2 == 0 ? "alice" : null,
        InputSha256 = new string('a', 64),
        Scores = [i / 100.0, 0.9],
        Threshold = 0.5,
        LatencyMs = 1.234,
    };

    /// <summary>Appends entries <paramref name="first"/>.. to the log at <paramref name="path"/>, then closes it.</summary>
    public static async Task WriteAsync(string path, int count, long maxBytes = 0, int first = 1)
    {
        await using var log = AuditLog.Open(new AuditLogOptions { Path = path, MaxBytes = maxBytes });
        for (var i = first; i < first + count; i++)
        {
            await log.AppendAsync(Entry(i));
        }
    }

    /// <summary>The lines of a file, without their newlines (a last line without one is kept as it is).</summary>
    public static List<string> Lines(string file)
    {
        var text = File.ReadAllText(file, Encoding.UTF8);
        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Rewrites a file with its lines changed by <paramref name="change"/>, each ended by a newline.</summary>
    public static void Rewrite(string file, Action<List<string>> change)
    {
        var lines = Lines(file);
        change(lines);
        File.WriteAllText(file, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
    }

    /// <summary>The hash member of a line.</summary>
    public static string HashOf(string line) => line[^66..^2];
}
