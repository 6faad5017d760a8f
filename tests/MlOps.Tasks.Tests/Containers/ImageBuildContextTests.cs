using System.Formats.Tar;
using System.Runtime.Versioning;
using MlOps.Tasks.Containers;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

[UnsupportedOSPlatform("windows")]
public sealed class ImageBuildContextTests
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // NuGet extracts a package's files as rwxr--r-- or rw-------, by the umask: the server from the MlOps.Build package
    // would not start as the image's non-root user. The image's files have the same modes wherever the server came from.
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    public void Should_Give_The_Server_And_Its_Files_The_Same_Modes_Whatever_Their_Modes_On_Disk(UnixFileMode onDisk)
    {
        // Given
        using var folder = new TempDirectory();
        var server = folder.Write("serving/MlOps.Serving", "server");
        var library = folder.Write("serving/runtimes/linux-x64/native/lib.so", "library");
        File.SetUnixFileMode(server, onDisk);
        File.SetUnixFileMode(library, onDisk);
        var request = new ImageRequest
        {
            ServingFolder = folder["serving"], Bundle = folder.Write("model.mlbundle", "bundle"), PublicKey = folder.Write("key.pem", "key"),
            BaseImage = "base", GitCommit = "abc", Created = DateTimeOffset.UnixEpoch,
        };

        // When
        using var context = ImageBuildContext.Create("FROM base", request);

        // Then
        var modes = new Dictionary<string, UnixFileMode>();
        using var tar = new TarReader(context);
        while (tar.GetNextEntry() is { } entry)
        {
            modes[entry.Name] = entry.Mode;
        }

        Assert.That(modes["app/MlOps.Serving"], Is.EqualTo(Executable));
        Assert.That(modes["app/runtimes/linux-x64/native/lib.so"], Is.EqualTo(Readable));
        Assert.That(modes["model/model.mlbundle"], Is.EqualTo(Readable));
    }
}
