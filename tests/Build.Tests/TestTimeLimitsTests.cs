using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>Time limits of whole-program tests end hung programs; on a loaded machine shared with other programs they must not fail slow ones.</summary>
public sealed class TestTimeLimitsTests
{
    [Test]
    public void Should_Give_A_Build_Program_Run_At_Least_Ten_Minutes()
    {
        // Given: a 2-core machine busy with other builds took over 2 minutes for one Deploy

        // When
        var limit = BuildProgram.TimeLimit;

        // Then
        Assert.That(limit, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void Should_Give_A_Stopping_Program_And_A_Starting_Server_Minutes()
    {
        // Given, When
        var limits = new[] { TestTimeLimits.Stop, TestTimeLimits.ServerStart, TestTimeLimits.Request };

        // Then
        Assert.That(limits, Is.All.GreaterThanOrEqualTo(TimeSpan.FromMinutes(2)));
    }
}
