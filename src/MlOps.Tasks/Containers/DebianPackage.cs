using System.Globalization;

namespace MlOps.Tasks.Containers;

/// <summary>A Debian package pinned to one version, as the offline base image records it.</summary>
/// <param name="Name">The package, e.g. <c>libc6</c>.</param>
/// <param name="Version">Its version, e.g. <c>2.36-9+deb12u14</c>.</param>
public sealed record DebianPackage(string Name, string Version)
{
    /// <summary>The versions apt would install now (its candidates) of <paramref name="names"/>, from one <c>apt-cache show</c>.</summary>
    /// <exception cref="ContainerException">apt knows one of the packages not.</exception>
    public static IReadOnlyList<DebianPackage> Candidates(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        string? package = null;
        foreach (var line in HostCommand.Run("apt-cache", ["show", "--no-all-versions", .. names]).Split('\n'))
        {
            if (line.StartsWith("Package: ", StringComparison.Ordinal))
            {
                package = line["Package: ".Length..].Trim();
            }
            else if (line.StartsWith("Version: ", StringComparison.Ordinal) && package is not null)
            {
                versions.TryAdd(package, line["Version: ".Length..].Trim());
            }
        }

        return names
            .Select(n => versions.TryGetValue(n, out var v)
                ? new DebianPackage(n, v)
                : throw new ContainerException($"apt has no package {n}; run `apt-get update` and try again."))
            .ToList();
    }

    /// <summary>Downloads exactly this version's .deb into <paramref name="folder"/> and returns its path.</summary>
    public string Download(string folder)
    {
        HostCommand.Run("apt-get", ["download", "-q", $"{Name}={Version}"], folder);
        var prefix = Name + "_";
        return Directory.EnumerateFiles(folder, prefix + "*.deb").SingleOrDefault()
            ?? throw new ContainerException(string.Create(CultureInfo.InvariantCulture, $"apt-get download {Name}={Version} left no .deb in {folder}."));
    }

    /// <summary>The pin as apt writes it: <c>name=version</c>.</summary>
    public override string ToString() => $"{Name}={Version}";
}
