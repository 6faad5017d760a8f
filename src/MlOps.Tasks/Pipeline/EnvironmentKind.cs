namespace MlOps.Tasks.Pipeline;

/// <summary>Where a deployment runs.</summary>
public enum EnvironmentKind
{
    /// <summary>A background scoring process on this machine.</summary>
    Local,

    /// <summary>A container on the local Docker daemon.</summary>
    Docker,

    /// <summary>A Kubernetes cluster.</summary>
    Kubernetes,
}
