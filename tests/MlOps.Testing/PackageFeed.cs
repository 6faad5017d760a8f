using System.Diagnostics;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// Projects of this repository packed into a folder feed, as a team's feed would serve them: in the configuration the tests were
/// built in, without building again, under a version no other run uses. Disposing deletes the feed and what restoring that
/// version put in NuGet's global packages folder, which only the tests use.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly List<string> ids = [];

    private PackageFeed()
    {
    }

    /// <summary>The packages' version: a prerelease of 0.0.0 named for this feed alone, in lowercase letters and digits.</summary>
    public string Version { get; } = $"0.0.0-test.t{Guid.NewGuid():N}"[..30];

    /// <summary>The feed folder.</summary>
    public string Path => folder["feed"];

    /// <summary>Packs <paramref name="projects"/> (paths relative to <paramref name="sourceRoot"/>; each package is named as its project file).</summary>
    public static PackageFeed Pack(string sourceRoot, params string[] projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var feed = new PackageFeed();
        var configuration = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(TestContext.CurrentContext.TestDirectory))!;
        foreach (var project in projects)
        {
            feed.ids.Add(System.IO.Path.GetFileNameWithoutExtension(project).ToLowerInvariant());
            var (exitCode, output) = Dotnet(sourceRoot, "pack", project, "-c", configuration, "--no-build", "-nologo", "-o", feed.Path,
                $"-p:Version={feed.Version}", $"-p:NuspecOutputPath={feed.folder["nuspec"]}/");
            Assert.That(exitCode, Is.Zero, $"dotnet pack {project}: {output}");
        }

        return feed;
    }

    /// <summary>The package file of <paramref name="id"/>.</summary>
    public string Package(string id) => System.IO.Path.Combine(Path, $"{id}.{Version}.nupkg");

    public void Dispose()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var restored in ids.Select(id => System.IO.Path.Combine(packages, id, Version)).Where(Directory.Exists))
        {
            Directory.Delete(restored, recursive: true);
        }

        folder.Dispose();
    }

    private static (int ExitCode, string Output) Dotnet(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        // The test host's MSBuild variables (set by `dotnet test`) would point the child at its MSBuild rather than the SDK's own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
