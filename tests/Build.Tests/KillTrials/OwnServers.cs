using System.Globalization;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// The scoring servers of one test repository's deployments: the processes whose command line names its
/// deployments folder (each local server is given its deployment folder's audit log). Nothing else on the machine is looked at.
/// </summary>
internal static class OwnServers
{
    /// <summary>The pids of the processes whose command line names <paramref name="deploymentsFolder"/>.</summary>
    public static IReadOnlyList<string> Pids(string deploymentsFolder)
    {
        var pids = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(folder);
            if (!pid.All(char.IsAsciiDigit))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(deploymentsFolder, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while being looked at.
            }
        }

        return pids;
    }

    /// <summary>The servers running beside what the registry says serves: every server of the folder but <paramref name="serving"/>'s.</summary>
    public static IReadOnlyList<string> Strays(string deploymentsFolder, DeploymentRecord? serving) =>
        [.. Pids(deploymentsFolder).Where(pid => pid != serving?.RunsAs)];

    /// <summary>Stops the given servers as Deploy does (SIGTERM, SIGKILL after 40 s), so that they write their audit logs out.</summary>
    public static void Stop(IEnumerable<string> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
                using (var terminate = System.Diagnostics.Process.Start("kill", ["-TERM", pid]))
                {
                    terminate.WaitForExit();
                }

                if (!process.WaitForExit(TimeSpan.FromSeconds(40)))
                {
                    process.Kill();
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // It has ended.
            }
        }
    }
}
