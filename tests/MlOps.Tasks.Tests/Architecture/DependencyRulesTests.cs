using System.Reflection;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Architecture;

/// <summary>
/// The dependency rules of ARCHITECTURE.md, read from the built assemblies (namespaces and the type, method
/// and field tokens of every method body), not from the source text.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Tasks = typeof(UsageException).Assembly;

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Folders = FolderGraph.Of(Tasks, "MlOps.Tasks");

    [Test]
    public void Should_Have_No_Circular_Dependency_Between_The_Folders_Of_MlOps_Tasks()
    {
        // Given, When
        var cycles = FolderGraph.Cycles(Folders);

        // Then
        Assert.That(cycles, Is.Empty, "Circular dependency between folders of src/MlOps.Tasks; " +
            "move the type that makes the back-edge down to the folder both sides use (see ARCHITECTURE.md)");
    }

    // The bottom of the project: the configuration model and the error vocabulary use nothing else in it.
    [TestCase("Pipeline", new[] { FolderGraph.Root })]
    [TestCase(FolderGraph.Root, new string[0])]
    [TestCase("Artifacts", new[] { FolderGraph.Root })]
    [TestCase("Storage", new[] { FolderGraph.Root })]
    public void Should_Keep_The_Bottom_Folders_Free_Of_The_Capabilities(string folder, string[] allowed)
    {
        // Given, When
        var used = Folders[folder];

        // Then
        Assert.That(used, Is.SubsetOf(allowed), $"src/MlOps.Tasks/{folder} may use only {string.Join(", ", allowed.DefaultIfEmpty("nothing else in the project"))}");
    }

    [TestCase("MlOps.Models", new[]
    {
        "MlOps.Tasks", "MlOps.Serving", "Build", "MlOps.Build", "Cake.Core", "Cake.Common", "YamlDotNet", "Docker.DotNet", "Microsoft.AspNetCore",
        "MlOps.MSBuild", "Microsoft.Build",
    })]
    [TestCase("MlOps.Tasks", new[] { "MlOps.Serving", "Build", "MlOps.Build", "Cake.Core", "Cake.Common", "Microsoft.AspNetCore", "MlOps.MSBuild", "Microsoft.Build" })]
    public void Should_Reference_No_Assembly_Above_Or_Beside_Itself(string assembly, string[] forbidden)
    {
        // Given
        var loaded = assembly == "MlOps.Tasks" ? Tasks : typeof(MlOps.Models.Bundles.ModelBundle).Assembly;

        // When
        var referenced = loaded.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then
        Assert.That(referenced.Where(r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal))), Is.Empty);
    }
}
