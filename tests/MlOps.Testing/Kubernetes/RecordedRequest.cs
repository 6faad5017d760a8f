namespace MlOps.Testing.Kubernetes;

/// <summary>A request the fake Kubernetes API received, for tests to assert on.</summary>
/// <param name="Method">The HTTP method: GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="PathAndQuery">The request target exactly as the client sent it, escapes included (e.g. <c>/apis/apps/v1/namespaces/ml/deployments?watch=true</c>).</param>
/// <param name="ContentType">The Content-Type header, if any (e.g. <c>application/apply-patch+yaml; charset=utf-8</c>).</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType);
