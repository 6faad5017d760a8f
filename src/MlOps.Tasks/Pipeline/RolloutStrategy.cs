namespace MlOps.Tasks.Pipeline;

/// <summary>How a <c>kubernetes</c> environment replaces the version serving.</summary>
public enum RolloutStrategy
{
    /// <summary>The Deployment's own rolling update: pods are replaced a few at a time.</summary>
    Rolling,

    /// <summary>A second colour starts beside the serving one; the Service switches once it is ready.</summary>
    BlueGreen,

    /// <summary>A canary takes a growing share of traffic, step by step, while its metrics are analysed.</summary>
    Canary,
}
