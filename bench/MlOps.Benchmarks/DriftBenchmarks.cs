using BenchmarkDotNet.Attributes;
using MlOps.Models.Drift;

namespace MlOps.Benchmarks;

/// <summary>
/// Drift statistics on a million reference against a million current rows: the two-sample KS test
/// (asymptotic p-value, once where Pelz–Good applies and once through the Smirnov sum), PSI over
/// Evidently's Sturges bins, and the normed Wasserstein distance Evidently picks for large samples.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DriftBenchmarks
{
    private const int Rows = 1_000_000;
    private double[] reference = [];
    private double[] same = [];
    private double[] shifted = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        reference = Normal(random, 0.0);
        same = Normal(random, 0.0);
        shifted = Normal(random, 0.01);
    }

    [Benchmark]
    public double KolmogorovSmirnovNoDrift() => KolmogorovSmirnovTest.Compute(reference, same).PValue;

    [Benchmark]
    public double KolmogorovSmirnovSmallShift() => KolmogorovSmirnovTest.Compute(reference, shifted).PValue;

    [Benchmark]
    public double PopulationStabilityIndexSturges() => PopulationStabilityIndex.Compute(DriftBinning.Bin(reference, shifted));

    [Benchmark]
    public double WassersteinNormed() => WassersteinDistance.Normed(reference, shifted);

    /// <summary>Standard normal values plus <paramref name="shift"/>, by Box–Muller.</summary>
    private static double[] Normal(Random random, double shift)
    {
        var values = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            values[i] = radius * Math.Cos(2 * Math.PI * random.NextDouble()) + shift;
        }

        return values;
    }
}
