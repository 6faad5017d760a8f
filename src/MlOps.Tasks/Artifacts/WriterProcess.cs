using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace MlOps.Tasks.Artifacts;

/// <summary>
/// The process that writes something that outlives a kill (a run, a temporary file): its host, id and start time,
/// so that a later build can tell work whose process is gone from work still going on.
/// </summary>
internal static class WriterProcess
{
    // Start times are computed from the boot time and /proc on Linux; two readings of one process agree to well within this.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    /// <summary>This machine's name, as recorded with runs.</summary>
    public static string Host { get; } = Environment.MachineName;

    /// <summary>The first 8 hex characters of the SHA-256 of <see cref="Host"/>: this machine in a file name.</summary>
    public static string HostTag { get; } = TagOf(Host);

    /// <summary>This process's id.</summary>
    public static int Id { get; } = Environment.ProcessId;

    /// <summary>When this process started (UTC).</summary>
    public static DateTimeOffset Started { get; } = StartOfThis();

    /// <summary>The tag of <paramref name="host"/> in a file name.</summary>
    public static string TagOf(string host) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(host)))[..8];

    /// <summary>
    /// Whether a process of this machine with id <paramref name="pid"/> runs that started at <paramref name="started"/>
    /// (or, with <paramref name="noLaterThan"/>, at any time up to then): ids are reused, start times are not.
    /// </summary>
    public static bool Runs(int pid, DateTimeOffset started, bool noLaterThan = false)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited || IsZombie(pid))
            {
                return false;
            }

            // A start that cannot be read is taken to match: never judge a live process gone.
            return StartOf(process) is not { } start || (noLaterThan ? start <= started + Slack : (start - started).Duration() <= Slack);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static DateTimeOffset StartOfThis()
    {
        using var self = Process.GetCurrentProcess();
        return StartOf(self) ?? DateTimeOffset.UtcNow;
    }

    private static DateTimeOffset? StartOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime());
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    // A killed process its parent has not reaped yet: /proc/<pid>/stat reads "<pid> (<name>) Z ...".
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
