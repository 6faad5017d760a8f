using System.Formats.Tar;
using System.Text;

namespace MlOps.Tasks.Containers;

/// <summary>The build context of a model image, as the tar stream the daemon reads: Dockerfile, app/, model/.</summary>
internal static class ImageBuildContext
{
    /// <summary>Writes the context to a new in-memory stream, positioned at its start.</summary>
    public static MemoryStream Create(string dockerfile, ImageRequest request)
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            });
            foreach (var file in Directory.EnumerateFiles(request.ServingFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                tar.WriteEntry(file, "app/" + Path.GetRelativePath(request.ServingFolder, file).Replace('\\', '/'));
            }

            tar.WriteEntry(request.Bundle, "model/" + Path.GetFileName(ImageDefinition.BundlePath));
            tar.WriteEntry(request.PublicKey, "model/" + Path.GetFileName(ImageDefinition.PublicKeyPath));
        }

        stream.Position = 0;
        return stream;
    }
}
