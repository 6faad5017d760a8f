using NUnit.Framework.Constraints;

namespace MlOps.Models.Tests.Drift;

/// <summary>
/// How close the drift statistics must come to scipy 1.10.1's (Debian's python3-scipy) and Evidently 0.7's,
/// per docs' quality vectors, and the samples the larger cross-checks share with Python. Those samples are
/// <code>
/// import numpy as np, pandas as pd
/// from scipy import stats
/// from scipy.spatial import distance
/// def G(n, a, m, div, off): return np.array([((i * a) % m) / div + off for i in range(n)])
/// </code>
/// which C# builds bit for bit the same; each test's comment holds the Python that gave its numbers.
/// Evidently itself cannot be installed offline: where a comment names one of its stattest functions
/// (<c>_psi</c>, <c>_kl_div</c>, <c>_jensenshannon</c>, <c>_hellinger_distance</c>), that function's body was
/// copied from Evidently 0.7's src/evidently/legacy/calculations/stattests and run as is under scipy 1.10.1,
/// numpy 1.24.2 and pandas 1.5.3.
/// </summary>
internal static class Scipy
{
    /// <summary>Statistics agree to 1e-12 relative (NUnit counts percent).</summary>
    public static IResolveConstraint Statistic(double expected) => Is.EqualTo(expected).Within(1e-10).Percent;

    /// <summary>p-values agree to 1e-9 relative, which is stricter than absolute for any p below 1.</summary>
    public static IResolveConstraint PValue(double expected) => Is.EqualTo(expected).Within(1e-7).Percent;

    /// <summary>G(n, a, m, div, off): ((i · a) mod m) / div + off for i = 0 … n − 1.</summary>
    public static double[] Sample(int n, long a, long m, double divisor, double offset) =>
        [.. Enumerable.Range(0, n).Select(i => i * a % m / divisor + offset)];
}
