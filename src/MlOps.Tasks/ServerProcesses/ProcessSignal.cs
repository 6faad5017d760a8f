using System.Runtime.InteropServices;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>Signals to processes by id (POSIX kill).</summary>
internal static class ProcessSignal
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM: a scoring server finishes the requests in flight and flushes its audit log, then exits.</summary>
    /// <returns>False when there is no such process, or on Windows.</returns>
    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
