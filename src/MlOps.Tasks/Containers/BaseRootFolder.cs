using System.Text;

namespace MlOps.Tasks.Containers;

/// <summary>The root file system of the offline base image, unpacked from Debian packages.</summary>
internal static class BaseRootFolder
{
    private const UnixFileMode WorldWritableSticky = (UnixFileMode)0b1_111_111_111;

    /// <summary>
    /// Downloads <paramref name="packages"/> into <paramref name="scratch"/>, unpacks them
    /// (<c>dpkg-deb -x</c>: files only, no maintainer scripts) into <c>scratch/root</c> and adds what those
    /// scripts would have made: /tmp and the CA bundle.
    /// </summary>
    /// <returns>The root folder.</returns>
    public static string Build(IEnumerable<DebianPackage> packages, string scratch)
    {
        var debs = Directory.CreateDirectory(Path.Combine(scratch, "debs")).FullName;
        var root = Directory.CreateDirectory(Path.Combine(scratch, "root")).FullName;
        foreach (var package in packages)
        {
            HostCommand.Run("dpkg-deb", ["-x", package.Download(debs), root]);
        }

        var tmp = Directory.CreateDirectory(Path.Combine(root, "tmp"));
        if (!OperatingSystem.IsWindows())
        {
            tmp.UnixFileMode = WorldWritableSticky;
        }

        WriteCaBundle(root);
        return root;
    }

    /// <summary>update-ca-certificates would concatenate the roots into one file; dpkg-deb -x does not run it.</summary>
    private static void WriteCaBundle(string root)
    {
        var source = Path.Combine(root, "usr", "share", "ca-certificates");
        if (!Directory.Exists(source))
        {
            return;
        }

        var bundle = new StringBuilder();
        foreach (var certificate in Directory.EnumerateFiles(source, "*.crt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            bundle.Append(File.ReadAllText(certificate).TrimEnd()).Append('\n');
        }

        var target = Directory.CreateDirectory(Path.Combine(root, "etc", "ssl", "certs")).FullName;
        File.WriteAllText(Path.Combine(target, "ca-certificates.crt"), bundle.ToString());
    }
}
