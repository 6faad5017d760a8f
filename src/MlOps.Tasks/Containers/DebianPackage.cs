using System.Globalization;

namespace MlOps.Tasks.Containers;

/// <summary>A Debian package pinned to one version, as the offline base image records it.</summary>
/// <param name="Name">The package, e.g. <c>libc6</c>.</param>
/// <param name="Version">Its version, e.g. <c>2.36-9+deb12u14</c>.</param>
public sealed record DebianPackage(string Name, string Version)
{
    /// <summary>The version apt would install now (its candidate), from <c>apt-cache show</c>.</summary>
    /// <exception cref="ContainerException">apt knows no such package.</exception>
    public static DebianPackage Candidate(string name)
    {
        var show = HostCommand.Run("apt-cache", ["show", "--no-all-versions", name]);
        var version = show.Split('\n').FirstOrDefault(l => l.StartsWith("Version: ", StringComparison.Ordinal))?["Version: ".Length..].Trim();
        return version is { Length: > 0 }
            ? new DebianPackage(name, version)
            : throw new ContainerException($"apt has no package {name}; run `apt-get update` and try again.");
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
