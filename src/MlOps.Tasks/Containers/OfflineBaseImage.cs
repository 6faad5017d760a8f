using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>
/// The built-in base image for when no registry is reachable: the few Debian 12 packages a
/// self-contained .NET program needs (plus a static busybox, only for the HEALTHCHECK probe),
/// unpacked into one root and imported as a single-layer image. Its tag carries a hash of the
/// package versions, so the same versions are imported once and a security update makes a new tag.
/// </summary>
public static class OfflineBaseImage
{
    /// <summary>The image repository.</summary>
    public const string Repository = "mlops/base";

    /// <summary>The packages: the C and C++ runtimes, zlib and OpenSSL for .NET, CA roots, busybox for the health probe.</summary>
    public static IReadOnlyList<string> PackageNames { get; } =
        ["libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libssl3", "ca-certificates", "busybox-static"];

    /// <summary>The tag for <paramref name="packages"/>: <c>mlops/base:debian12-</c> and 12 hex digits of their sha256.</summary>
    public static string TagFor(IEnumerable<DebianPackage> packages)
    {
        var pins = string.Join('\n', packages.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        return $"{Repository}:debian12-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pins)))[..12]}";
    }

    /// <summary>
    /// Makes sure the base image for apt's current package versions exists in the daemon, importing
    /// it when it does not; <paramref name="workFolder"/> holds the downloads while it is built.
    /// </summary>
    public static async Task<BaseImage> EnsureAsync(IDockerClient docker, string workFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var packages = DebianPackage.Candidates(PackageNames);
        var tag = TagFor(packages);
        if (await ImageInspection.FindAsync(docker, tag, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new BaseImage(tag, existing.ID, packages, Imported: false);
        }

        var scratch = Directory.CreateDirectory(Path.Combine(workFolder, "base-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var root = BaseRootFolder.Build(packages, scratch);
            await ImportAsync(docker, root, tag, packages, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var imported = await ImageInspection.FindAsync(docker, tag, cancellationToken).ConfigureAwait(false)
            ?? throw new ContainerException($"Docker reported no error importing {tag}, yet has no such image.");
        return new BaseImage(tag, imported.ID, packages, Imported: true);
    }

    private static async Task ImportAsync(IDockerClient docker, string root, string tag, IReadOnlyList<DebianPackage> packages, CancellationToken cancellationToken)
    {
        var tar = Path.Combine(Path.GetDirectoryName(root)!, "rootfs.tar");
        await TarFile.CreateFromDirectoryAsync(root, tar, includeBaseDirectory: false, cancellationToken).ConfigureAwait(false);
        var colon = tag.LastIndexOf(':');
        var progress = new BuildProgress();
        await using var stream = File.OpenRead(tar);
        await docker.Images.CreateImageAsync(
            new ImagesCreateParameters
            {
                FromSrc = "-",
                Repo = tag[..colon],
                Tag = tag[(colon + 1)..],
                Message = "mlops offline base: " + string.Join(' ', packages),
                Changes = ["ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
            },
            stream,
            authConfig: null,
            progress,
            cancellationToken).ConfigureAwait(false);
        progress.ThrowIfFailed($"Importing the offline base image {tag}");
    }
}
