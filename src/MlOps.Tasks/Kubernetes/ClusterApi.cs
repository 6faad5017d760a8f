using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The calls a rollout makes, in one namespace: server-side apply (idempotent, field manager <c>mlops</c>), reads, deletes,
/// pod lists and the pod proxy. Throttling and server errors (429, 5xx) and lost connections are retried with backoff, as every
/// call here is safe to repeat; any other refusal becomes a <see cref="ClusterException"/> naming the resource and the reason.
/// </summary>
internal sealed class ClusterApi(IKubernetes client, string space, CancellationToken cancellationToken)
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>The namespace.</summary>
    public string Namespace => space;

    /// <summary>The build's cancellation.</summary>
    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The same calls, not cancelled by the build: to leave the cluster in a stated state after Ctrl+C.</summary>
    public ClusterApi WithoutCancellation() => new(client, space, CancellationToken.None);

    public Task ApplyAsync(IKubernetesObject<V1ObjectMeta> manifest)
    {
        var name = manifest.Metadata.Name;
        var patch = new V1Patch(manifest, V1Patch.PatchType.ApplyPatch);
        var what = $"{manifest.Kind} {space}/{name}";
        return manifest switch
        {
            V1Deployment => CallAsync(what, () => client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, space, fieldManager: ClusterLabels.FieldManager,
                force: true, cancellationToken: cancellationToken)),
            V1Service => CallAsync(what, () => client.CoreV1.PatchNamespacedServiceAsync(patch, name, space, fieldManager: ClusterLabels.FieldManager,
                force: true, cancellationToken: cancellationToken)),
            V2HorizontalPodAutoscaler => CallAsync(what, () => client.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerAsync(patch, name, space,
                fieldManager: ClusterLabels.FieldManager, force: true, cancellationToken: cancellationToken)),
            V1PodDisruptionBudget => CallAsync(what, () => client.PolicyV1.PatchNamespacedPodDisruptionBudgetAsync(patch, name, space,
                fieldManager: ClusterLabels.FieldManager, force: true, cancellationToken: cancellationToken)),
            HttpRoute => CallAsync(what, () => client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, HttpRoute.Group, HttpRoute.Version, space,
                HttpRoute.Plural, name, fieldManager: ClusterLabels.FieldManager, force: true, cancellationToken: cancellationToken)),
            _ => throw new ArgumentException($"{manifest.Kind} is not applied by rollouts.", nameof(manifest)),
        };
    }

    public Task<V1Deployment?> ReadDeploymentAsync(string name) =>
        OrNullAsync($"Deployment {space}/{name}", () => client.AppsV1.ReadNamespacedDeploymentAsync(name, space, cancellationToken: cancellationToken));

    public Task<V1Service?> ReadServiceAsync(string name) =>
        OrNullAsync($"Service {space}/{name}", () => client.CoreV1.ReadNamespacedServiceAsync(name, space, cancellationToken: cancellationToken));

    public Task<V1PodList> PodsAsync(IReadOnlyDictionary<string, string> selector) =>
        CallAsync($"pods {Selector(selector)} in {space}", () => client.CoreV1.ListNamespacedPodAsync(space, labelSelector: Selector(selector),
            cancellationToken: cancellationToken));

    /// <summary>GETs <paramref name="path"/> of a pod's port through the API server, so no network path to the pods is needed.</summary>
    public Task<string> ProxyAsync(string pod, int port, string path) =>
        CallAsync($"pod {space}/{pod} {path}", async () =>
        {
            using var stream = await client.CoreV1.ConnectGetNamespacedPodProxyWithPathAsync(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pod}:{port}"), space, path, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Deletes the Deployment; false when there was none.</summary>
    public Task<bool> DeleteDeploymentAsync(string name) =>
        ExistedAsync($"Deployment {space}/{name}", () => client.AppsV1.DeleteNamespacedDeploymentAsync(name, space, cancellationToken: cancellationToken));

    /// <summary>Deletes the Service; false when there was none.</summary>
    public Task<bool> DeleteServiceAsync(string name) =>
        ExistedAsync($"Service {space}/{name}", () => client.CoreV1.DeleteNamespacedServiceAsync(name, space, cancellationToken: cancellationToken));

    /// <summary>Deletes the HorizontalPodAutoscaler; false when there was none.</summary>
    public Task<bool> DeleteAutoscalerAsync(string name) =>
        ExistedAsync($"HorizontalPodAutoscaler {space}/{name}", () => client.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(name, space,
            cancellationToken: cancellationToken));

    /// <summary>Deletes the PodDisruptionBudget; false when there was none.</summary>
    public Task<bool> DeleteDisruptionBudgetAsync(string name) =>
        ExistedAsync($"PodDisruptionBudget {space}/{name}", () => client.PolicyV1.DeleteNamespacedPodDisruptionBudgetAsync(name, space,
            cancellationToken: cancellationToken));

    /// <summary>Deletes the HTTPRoute; false when there was none.</summary>
    public Task<bool> DeleteRouteAsync(string name) =>
        ExistedAsync($"HTTPRoute {space}/{name}", () => client.CustomObjects.DeleteNamespacedCustomObjectAsync(HttpRoute.Group, HttpRoute.Version, space,
            HttpRoute.Plural, name, cancellationToken: cancellationToken));

    private async Task<bool> ExistedAsync<T>(string what, Func<Task<T>> call)
        where T : class => await OrNullAsync(what, call).ConfigureAwait(false) is not null;

    private async Task<T?> OrNullAsync<T>(string what, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await CallAsync(what, call).ConfigureAwait(false);
        }
        catch (ClusterException e) when (e.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (attempt < Backoff.Length && IsTransient(e.Response.StatusCode))
            {
                await Task.Delay(Backoff[attempt], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A lost connection, or the client's own timeout (not Ctrl+C): safe to ask again.
                if (attempt >= Backoff.Length)
                {
                    throw new ClusterException($"{what}: the API server did not answer ({e.Message}) after {Backoff.Length + 1} tries; "
                        + "check the kubeconfig's server and that the cluster runs (kubectl cluster-info).", e);
                }

                await Task.Delay(Backoff[attempt], cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e)
            {
                throw new ClusterException($"{what}: the API server answered {(int)e.Response.StatusCode} {Reason(e)}{Advice(e.Response.StatusCode)}", e);
            }
        }
    }

    private static bool IsTransient(HttpStatusCode code) => code is HttpStatusCode.TooManyRequests || (int)code >= 500;

    // The API's Status body says why; its message is the line to show.
    private static string Reason(HttpOperationException e)
    {
        try
        {
            using var status = JsonDocument.Parse(e.Response.Content ?? "");
            var reason = status.RootElement.TryGetProperty("reason", out var r) ? r.GetString() : null;
            var message = status.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            return $"{reason ?? e.Response.ReasonPhrase}: {message ?? e.Message}";
        }
        catch (JsonException)
        {
            return e.Response.ReasonPhrase ?? e.Message;
        }
    }

    private static string Advice(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Unauthorized => "; the kubeconfig's credentials were refused: renew them (e.g. your cloud's get-credentials command).",
        HttpStatusCode.Forbidden => "; the user may not do this: grant it a Role with get/list/watch/patch/delete on deployments, services, pods, pods/proxy, "
            + "horizontalpodautoscalers, poddisruptionbudgets and httproutes there (docs/kubernetes.md).",
        HttpStatusCode.NotFound => "; does the namespace exist (kubectl get namespace), and for an HTTPRoute, are the Gateway API CRDs installed?",
        HttpStatusCode.Conflict => "; another writer changed the object at the same moment: run the build again.",
        HttpStatusCode.UnprocessableEntity => "; the cluster refused the manifest: run with --dryrun and check the files under artifacts/<pipeline>/k8s/.",
        _ => ".",
    };

    private static string Selector(IReadOnlyDictionary<string, string> selector) => string.Join(',', selector.Select(p => $"{p.Key}={p.Value}"));
}
