namespace MlOps.Testing.Kubernetes;

/// <summary>What becomes of a Deployment's pods in the fake Kubernetes API once <see cref="FakeKubernetesApi.ReadyAfter"/> has passed.</summary>
internal enum PodFate
{
    /// <summary>Running and Ready.</summary>
    Ready,

    /// <summary>Running, not Ready, its container waiting in CrashLoopBackOff.</summary>
    Crash,

    /// <summary>Pending for ever.</summary>
    Hang,
}
