namespace MlOps.Build.Tests;

/// <summary>Undeploy and Prune as a user meets them: what stops, what the store says after, what is removed and what is kept.</summary>
public sealed class UndeployProgramTests
{
    [Test]
    public void Should_Say_There_Is_Nothing_To_Undeploy_When_Nothing_Was_Deployed()
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run("--target=Undeploy");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Undeploy: nothing to undeploy in 'local': nothing is deployed there"));
    }
}
