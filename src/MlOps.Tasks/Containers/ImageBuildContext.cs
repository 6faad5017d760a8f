using System.Formats.Tar;
using System.Text;

namespace MlOps.Tasks.Containers;

/// <summary>The build context of a model image, as the tar stream the daemon reads: Dockerfile, app/, model/.</summary>
internal static class ImageBuildContext
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes the context to a new in-memory stream, positioned at its start.</summary>
    public static MemoryStream Create(string dockerfile, ImageRequest request)
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
                Mode = Readable,
            });
            // Every file readable by the image's non-root user and only the server executable, whatever their modes on disk
            // (NuGet extracts the MlOps.Build package's server as rwxr--r--, or by the umask).
            foreach (var file in Directory.EnumerateFiles(request.ServingFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(request.ServingFolder, file).Replace('\\', '/');
                Write(tar, file, "app/" + name, name == ImageBuilder.ServerExecutable ? Executable : Readable);
            }

            Write(tar, request.Bundle, "model/" + Path.GetFileName(ImageDefinition.BundlePath), Readable);
            Write(tar, request.PublicKey, "model/" + Path.GetFileName(ImageDefinition.PublicKeyPath), Readable);
        }

        stream.Position = 0;
        return stream;
    }

    private static void Write(TarWriter tar, string file, string name, UnixFileMode mode)
    {
        using var content = File.OpenRead(file);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = content, Mode = mode, ModificationTime = File.GetLastWriteTimeUtc(file) });
    }
}
