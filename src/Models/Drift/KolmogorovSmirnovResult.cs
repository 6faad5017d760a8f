namespace MlOps.Models.Drift;

/// <summary>The outcome of a two-sample Kolmogorov–Smirnov test, as <c>scipy.stats.ks_2samp</c> reports it.</summary>
/// <param name="Statistic">
/// D, the largest distance between the two empirical CDFs; on the exact path it is rounded to the
/// nearest multiple of 1 / lcm(n, m), as scipy rounds it.
/// </param>
/// <param name="PValue">The two-sided p-value: the chance of a D at least this large if both samples came from one distribution.</param>
/// <param name="IsExact">
/// True when the p-value counts lattice paths (both samples of at most
/// <see cref="KolmogorovSmirnovTest.ExactLimit"/> values); false when it comes from the Kolmogorov distribution.
/// </param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, bool IsExact);
