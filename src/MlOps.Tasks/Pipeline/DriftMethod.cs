namespace MlOps.Tasks.Pipeline;

/// <summary>A drift test a column can be held to, by the name Evidently gives its stattest.</summary>
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test; drift when p ≤ threshold (default 0.05).</summary>
    Ks,

    /// <summary>Chi-square goodness of fit over the values; drift when p &lt; threshold (default 0.05).</summary>
    Chisquare,

    /// <summary>Z-test for two proportions (two values at most); drift when p &lt; threshold (default 0.05).</summary>
    Z,

    /// <summary>Wasserstein distance over the reference's standard deviation; drift when ≥ threshold (default 0.1).</summary>
    Wasserstein,

    /// <summary>Jensen–Shannon distance (natural log) over Evidently's bins; drift when ≥ threshold (default 0.1).</summary>
    Jensenshannon,

    /// <summary>Population stability index over Evidently's bins; drift when ≥ threshold (default 0.1).</summary>
    Psi,

    /// <summary>Kullback–Leibler divergence over Evidently's bins; drift when ≥ threshold (default 0.1).</summary>
    Kl,

    /// <summary>Hellinger distance; drift when ≥ threshold (default 0.1).</summary>
    Hellinger,
}
