using System.Runtime.InteropServices;

namespace MlOps.Tasks.Containers;

/// <summary>The user the build runs as, and handing a folder to another user (POSIX).</summary>
internal static class UnixUser
{
    /// <summary>The effective user and group ids of this process.</summary>
    public static (uint User, uint Group) Current => (GetEffectiveUser(), GetEffectiveGroup());

    /// <summary>Makes <paramref name="user"/> the owner of <paramref name="path"/> (only root may).</summary>
    /// <exception cref="IOException">The system refused.</exception>
    public static void GiveTo(string path, uint user, uint group)
    {
        if (ChangeOwner(path, user, group) != 0)
        {
            throw new IOException($"Could not make user {user} the owner of {path} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveUser();

    [DllImport("libc", EntryPoint = "getegid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveGroup();

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ChangeOwner([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint user, uint group);
}
