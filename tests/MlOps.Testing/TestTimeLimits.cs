using System.Globalization;

namespace MlOps.Testing;

/// <summary>
/// How long tests wait before they give up: long enough for a loaded machine shared with other
/// programs (a 2-core CI runner building and training at once), since a limit is there to end a hung test, not
/// to measure speed. MLOPS_TEST_TIME_SCALE multiplies them all (e.g. 3 on a slower machine).
/// </summary>
public static class TestTimeLimits
{
    /// <summary>One run of the build program, training included.</summary>
    public static TimeSpan Run => Scaled(TimeSpan.FromMinutes(20));

    /// <summary>A program stopping after SIGTERM: a Deploy may be stopping servers and containers.</summary>
    public static TimeSpan Stop => Scaled(TimeSpan.FromMinutes(3));

    /// <summary>A server starting until it answers /health.</summary>
    public static TimeSpan ServerStart => Scaled(TimeSpan.FromMinutes(3));

    /// <summary>A helper program (a store writer, a registry) reaching its next step.</summary>
    public static TimeSpan Step => Scaled(TimeSpan.FromMinutes(3));

    /// <summary>One HTTP request and its answer.</summary>
    public static TimeSpan Request => Scaled(TimeSpan.FromMinutes(2));

    /// <summary>The factor from MLOPS_TEST_TIME_SCALE (default 1; at least 1).</summary>
    public static double Scale =>
        double.TryParse(System.Environment.GetEnvironmentVariable("MLOPS_TEST_TIME_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 1
            ? scale : 1;

    private static TimeSpan Scaled(TimeSpan limit) => limit * Scale;
}
