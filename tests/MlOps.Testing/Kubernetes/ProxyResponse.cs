namespace MlOps.Testing.Kubernetes;

/// <summary>What a pod answers through the fake Kubernetes API's pod and service proxy (see <see cref="FakeKubernetesApi.PodProxy"/>).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The response body.</param>
/// <param name="ContentType">The Content-Type; Prometheus text exposition format by default.</param>
public sealed record ProxyResponse(int Status, string Body, string ContentType = "text/plain; version=0.0.4; charset=utf-8");
