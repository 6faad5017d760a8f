using MlOps.Testing;

namespace MlOps.Tasks.Tests.Architecture;

public sealed class FolderGraphTests
{
    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string[] To)[] edges) =>
        edges.ToDictionary(e => e.From, e => (IReadOnlySet<string>)e.To.ToHashSet(), StringComparer.Ordinal);

    [Test]
    public void Should_Name_The_Path_Of_A_Back_Edge()
    {
        // Given
        var graph = Graph(("Pipeline", ["Validation"]), ("Validation", ["Training", "Pipeline"]), ("Training", ["Pipeline"]), ("Reports", ["Validation"]));

        // When
        var cycles = FolderGraph.Cycles(graph);

        // Then
        Assert.That(cycles, Is.EqualTo(new[] { "Pipeline -> Validation -> Pipeline" }));
    }

    [Test]
    public void Should_Find_No_Cycle_In_Layers()
    {
        // Given
        var graph = Graph(("Pipeline", []), ("Validation", ["Training", "Pipeline"]), ("Training", ["Pipeline"]), ("Reports", ["Validation", "Training"]));

        // When, Then
        Assert.That(FolderGraph.Cycles(graph), Is.Empty);
    }

    [TestCase("MlOps.Tasks", FolderGraph.Root)]
    [TestCase("MlOps.Tasks.Monitoring.Health", "Monitoring")]
    [TestCase("MlOps.Models.Drift", null)]
    [TestCase("MlOps.TasksX", null)]
    public void Should_Fold_Sub_Namespaces_Into_Their_Folder(string ns, string? folder)
    {
        // Given, When, Then
        Assert.That(FolderGraph.FolderOf(ns, "MlOps.Tasks"), Is.EqualTo(folder));
    }
}
