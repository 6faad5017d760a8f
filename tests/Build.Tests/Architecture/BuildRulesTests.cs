using System.Reflection;
using MlOps.Build.Host;
using MlOps.Testing;

namespace MlOps.Build.Tests.Architecture;

/// <summary>
/// The rules of ARCHITECTURE.md for the build program's host and tasks, read from the built MlOps.Build assembly (base types, signatures and the type,
/// method and field tokens of every method body), not from the source text: they go through MlOps.Tasks.
/// </summary>
public sealed class BuildRulesTests
{
    private static readonly Assembly Build = typeof(BuildHost).Assembly;

    // Every namespace of the host and the tasks.
    private static IReadOnlySet<string> Referenced { get; } = Build.GetTypes().Select(t => t.Namespace).Distinct()
        .SelectMany(ns => TypeReferences.OfNamespace(Build, ns!))
        .ToHashSet(StringComparer.Ordinal);

    [TestCase("MlOps.Models", "use MlOps.Tasks, which hands the tasks what they need of MlOps.Models")]
    [TestCase("Docker.DotNet", "the Docker client is set up in MlOps.Tasks (Deployment/TargetConnection, Containers/)")]
    public void Should_Not_Use_Types_Of(string forbidden, string instead)
    {
        // Given, When
        var used = Referenced.Where(n => n == forbidden || n.StartsWith(forbidden + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        // Then
        Assert.That(used, Is.Empty, $"MlOps.Build uses {forbidden}; {instead}");
    }

    [Test]
    public void Should_See_The_Library_The_Tasks_Call()
    {
        // Given, When
        var tasks = Referenced.Where(n => n.StartsWith("MlOps.Tasks.", StringComparison.Ordinal));

        // Then
        Assert.That(tasks, Does.Contain("MlOps.Tasks.Monitoring").And.Contain("MlOps.Tasks.Deployment"), "the reader of references sees nothing");
    }
}
