namespace MlOps.Testing.Kubernetes;

/// <summary>An error the fake Kubernetes API answers the next few matching requests with (see <see cref="FakeKubernetesApi.Fail"/>).</summary>
internal sealed class InjectedFailure(string method, string pathContains, ApiError error, int times)
{
    private int remaining = times;

    /// <summary>Whether the failure applies to this request; if so, one fewer remains.</summary>
    public bool Take(string requestMethod, string target)
    {
        if (remaining <= 0 || !(method == "*" || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
            || !target.Contains(pathContains, StringComparison.Ordinal))
        {
            return false;
        }

        remaining--;
        return true;
    }

    public ApiError Error => error;
}
