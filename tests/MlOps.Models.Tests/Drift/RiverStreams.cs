using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

/// <summary>
/// The streams of river's own examples, rebuilt with <see cref="PythonRandom"/>, and a helper that runs a
/// detector over a stream the way those examples do.
/// </summary>
internal static class RiverStreams
{
    /// <summary>
    /// <c>rng = random.Random(12345); rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)</c>,
    /// the stream of the PageHinkley and ADWIN docstrings.
    /// </summary>
    public static double[] TwoDistributions()
    {
        var random = new PythonRandom(12345);
        return [.. random.Choices([0, 1], 1000), .. random.Choices([4, 5, 6, 7], 1000)];
    }

    /// <summary>
    /// <c>rng = random.Random(42)</c>, then bits, 4…7, bits and 4…7 again, 1000 of each: the stream of river's
    /// ADWIN regression test <c>test_multiple_drifts</c>.
    /// </summary>
    public static double[] FourSegments()
    {
        var random = new PythonRandom(42);
        return
        [
            .. random.Choices([0, 1], 1000), .. random.Choices([4, 5, 6, 7], 1000),
            .. random.Choices([0, 1], 1000), .. random.Choices([4, 5, 6, 7], 1000),
        ];
    }

    /// <summary>
    /// <c>rng = random.Random(42); rng.choices([0, 1], k=1000) + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])</c>,
    /// the stream of the DDM docstring (1 an error).
    /// </summary>
    public static double[] ErrorsBecomeLikelier()
    {
        var random = new PythonRandom(42);
        return [.. random.Choices([0, 1], 1000), .. random.Choices(0, 1, 0.3, 1000)];
    }

    /// <summary>The indexes at which <paramref name="detector"/> says drift, as <c>for i, x in enumerate(stream)</c> prints them.</summary>
    public static List<long> Drifts(this IDriftDetector detector, IEnumerable<double> stream)
    {
        var drifts = new List<long>();
        foreach (var value in stream)
        {
            detector.Update(value);
            if (detector.DriftDetected)
            {
                drifts.Add(detector.Updates - 1);
            }
        }

        return drifts;
    }
}
