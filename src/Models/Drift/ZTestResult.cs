namespace MlOps.Models.Drift;

/// <summary>The outcome of a two-proportion Z-test.</summary>
/// <param name="Statistic">z = (p_ref − p_cur) / √(P (1 − P) (1/n_ref + 1/n_cur)), P the pooled proportion; 0 when both samples hold one and the same value.</param>
/// <param name="PValue">The two-sided p-value 2 (1 − Φ(|z|)), as Evidently computes it.</param>
public sealed record ZTestResult(double Statistic, double PValue);
