namespace MlOps.MSBuild.Tests.Architecture;

public sealed class DependencyRulesTests
{
    [Test]
    public void Should_Reference_No_Assembly_Above_Or_Beside_Itself()
    {
        // Given
        string[] forbidden = ["MlOps.Serving", "Build", "Cake.Core", "Cake.Common", "Microsoft.AspNetCore"];

        // When
        var referenced = typeof(ErrorCodes).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then
        Assert.That(referenced.Where(r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal))), Is.Empty);
        Assert.That(referenced, Does.Contain("MlOps.Tasks").And.Contain("Microsoft.Build.Utilities.Core"));
    }
}
