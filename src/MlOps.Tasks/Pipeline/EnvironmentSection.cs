using MlOps.Models.Scoring;

namespace MlOps.Tasks.Pipeline;

/// <summary>One entry of <c>environments</c>: a place the model can be deployed to.</summary>
public sealed record EnvironmentSection : PipelineSection
{
    /// <summary>What kind of place it is.</summary>
    public required EnvironmentKind Kind { get; init; }

    /// <summary>The loopback port the deployed server answers on; by default 5080 for <c>local</c> and 8080 for <c>docker</c>.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// Whether this is the production environment: Deploy and Rollback move alias <c>production</c> (which Validate's
    /// champion/challenger gate compares with) only when they deploy here. At most one environment is marked.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>For <c>kind: kubernetes</c>: the cluster, namespace and rollout.</summary>
    public KubernetesSection? Kubernetes { get; init; }

    /// <summary>The port an environment of <paramref name="kind"/> answers on when the file gives none.</summary>
    public static int DefaultPort(EnvironmentKind kind) => kind == EnvironmentKind.Local ? ServingDefaults.LocalPort : ServingDefaults.ContainerPort;
}
