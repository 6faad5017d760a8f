using k8s;
using MlOps.Testing.Kubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>The official client pointed at a <see cref="FakeKubernetesApi"/> (kept here: MlOps.Testing does not reference the client).</summary>
internal static class FakeKubernetesApiExtensions
{
    /// <summary>A client configuration whose Host is the fake's address, with a bearer token if given.</summary>
    public static KubernetesClientConfiguration Config(this FakeKubernetesApi fake, string? token = null) =>
        new() { Host = fake.Url.ToString(), AccessToken = token };

    /// <summary>A client of the fake.</summary>
    public static k8s.Kubernetes Client(this FakeKubernetesApi fake, string? token = null) => new(fake.Config(token));
}
