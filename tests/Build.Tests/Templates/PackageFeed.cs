using MlOps.Testing;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// This build's packages in a folder feed, as a team's feed would serve them: MlOps.Models, MlOps.Tasks, MlOps.Build and
/// MlOps.Templates packed from the projects as the tests' build left them, under a version no other run uses. Disposing
/// deletes the feed and what restoring that version put in the NuGet packages folder.
/// </summary>
internal sealed class PackageFeed : IDisposable
{
    private static readonly string[] Projects =
        ["src/Models/MlOps.Models.csproj", "src/MlOps.Tasks/MlOps.Tasks.csproj", "src/MlOps.Build/MlOps.Build.csproj", "src/MlOps.Templates/MlOps.Templates.csproj"];

    private readonly TempDirectory folder = new();

    private PackageFeed(string version) => Version = version;

    /// <summary>The packages' version: a prerelease of 0.0.0 named for this feed alone.</summary>
    public string Version { get; }

    /// <summary>The feed folder.</summary>
    public string Path => folder["feed"];

    /// <summary>The template package.</summary>
    public string Template => System.IO.Path.Combine(Path, $"MlOps.Templates.{Version}.nupkg");

    /// <summary>Packs the projects without building them again (the configuration the tests were built in).</summary>
    public static PackageFeed Pack()
    {
        var feed = new PackageFeed($"0.0.0-test.t{Guid.NewGuid():N}"[..30]);
        var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        foreach (var project in Projects)
        {
            var packed = ChildProcess.Run(BuildProgram.SourceRoot, "dotnet",
                $"pack {project} -c {configuration} --no-build -nologo -o \"{feed.Path}\" -p:Version={feed.Version} -p:NuspecOutputPath=\"{feed.folder["nuspec"]}/\"");
            Assert.That(packed.ExitCode, Is.Zero, $"dotnet pack {project}: {packed.Output}{packed.Errors}");
        }

        return feed;
    }

    public void Dispose()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "mlops.models", "mlops.tasks", "mlops.build" })
        {
            var restored = System.IO.Path.Combine(packages, id, Version);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }
        }

        folder.Dispose();
    }
}
