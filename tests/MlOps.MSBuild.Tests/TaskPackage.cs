using System.Globalization;
using MlOps.Testing;

namespace MlOps.MSBuild.Tests;

/// <summary>
/// The package as a consumer gets it: src/MlOps.MSBuild's build output (built before the tests) packed with a version of its own into a
/// feed folder. Deleting it removes the feed and the version's folder in NuGet's global packages folder, which only the tests use.
/// </summary>
internal sealed class TaskPackage : IDisposable
{
    private TaskPackage(TempDirectory feed, string version)
    {
        Feed = feed;
        Version = version;
    }

    /// <summary>The folder holding the .nupkg.</summary>
    public TempDirectory Feed { get; }

    /// <summary>The version packed, unique to this run: <c>0.0.0-test.&lt;hex&gt;</c>.</summary>
    public string Version { get; }

    /// <summary>Packs src/MlOps.MSBuild in the tests' configuration, without building it again.</summary>
    public static TaskPackage Pack()
    {
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        var feed = new TempDirectory();
        var configuration = Path.GetFileName(Path.GetDirectoryName(TestContext.CurrentContext.TestDirectory))!;
        var project = Path.Combine(Dotnet.SourceRoot, "src", "MlOps.MSBuild", "MlOps.MSBuild.csproj");
        var packed = Dotnet.Run(Dotnet.SourceRoot, "pack", project, "-c", configuration, "--no-build", "-o", feed.Path, $"-p:Version={version}", "-nologo");
        Assert.That(packed.ExitCode, Is.Zero, packed.Output);
        Assert.That(File.Exists(feed[$"MlOps.MSBuild.{version}.nupkg"]), Is.True, packed.Output);
        return new TaskPackage(feed, version);
    }

    public void Dispose()
    {
        Feed.Dispose();
        var listed = Dotnet.Run(Dotnet.SourceRoot, "nuget", "locals", "global-packages", "--list");
        var line = listed.Output.Split('\n').FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        if (line is not null)
        {
            var folder = Path.Combine(line["global-packages:".Length..].Trim(), "mlops.msbuild", Version.ToLower(CultureInfo.InvariantCulture));
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
