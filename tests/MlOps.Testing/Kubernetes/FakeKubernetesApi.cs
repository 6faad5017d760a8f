using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// A FAKE Kubernetes API server for tests only, never shipped: it runs in the test process on a free 127.0.0.1 port
/// and speaks enough of the real HTTP API (CRUD, list, watch, server-side apply and merge patches, Status errors,
/// pod proxy) for the official client to drive it. Objects are untyped JSON; a Deployment gets a simulated
/// ReplicaSet and pods that become ready after <see cref="ReadyAfter"/>. Tests can make pods crash or hang,
/// inject API errors, require a bearer token, and read what was stored and requested.
/// </summary>
public sealed partial class FakeKubernetesApi : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly ObjectStore store = new();
    private readonly DeploymentController controller;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<InjectedFailure> failures = [];
    private readonly List<(Func<JsonObject, bool> Matches, PodFate Fate)> fates = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly WebApplication app;
    private TimeSpan? progressDeadline;

    private FakeKubernetesApi()
    {
        controller = new DeploymentController(store, this);
        store.Create("namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = "default" },
        });
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How long new pods stay Pending before they run (and, unless made to fail or hang, become Ready). Default 100 ms.</summary>
    public TimeSpan ReadyAfter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long after a change of a Deployment whose pods crash or hang (see <see cref="FailPods"/>, <see cref="HangPods"/>) its Progressing
    /// condition turns False with ProgressDeadlineExceeded; a smaller spec.progressDeadlineSeconds wins. Default 10 × <see cref="ReadyAfter"/>;
    /// infinite for never.
    /// </summary>
    public TimeSpan ProgressDeadline { get => progressDeadline ?? ReadyAfter * 10; set => progressDeadline = value; }

    /// <summary>When set, requests without <c>Authorization: Bearer {token}</c> get 401 Unauthorized.</summary>
    public string? RequireToken { get; set; }

    /// <summary>When true, creating an object in a namespace that does not exist gets 404, as on a real cluster (only <c>default</c> exists at first).</summary>
    public bool RequireNamespaces { get; set; }

    /// <summary>
    /// Answers <c>GET …/pods/{name}[:port]/proxy/{path}</c> (and a service's proxy, through its first ready pod): given the pod
    /// and the path with a leading slash and any query. Unset, the proxy answers 404.
    /// </summary>
    public Func<JsonObject, string, ProxyResponse>? PodProxy { get; set; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Starts a fake API server on a free 127.0.0.1 port.</summary>
    public static async Task<FakeKubernetesApi> StartAsync()
    {
        var fake = new FakeKubernetesApi();
        await fake.app.StartAsync().ConfigureAwait(false);
        var addresses = fake.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        fake.Url = new Uri(addresses.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Pods of Deployments that <paramref name="deployment"/> matches (see <see cref="DeploymentMatch"/>) run but crash and never become ready.</summary>
    public void FailPods(Func<JsonObject, bool> deployment)
    {
        lock (gate)
        {
            fates.Add((deployment, PodFate.Crash));
        }
    }

    /// <summary>Pods of Deployments that <paramref name="deployment"/> matches stay Pending for ever.</summary>
    public void HangPods(Func<JsonObject, bool> deployment)
    {
        lock (gate)
        {
            fates.Add((deployment, PodFate.Hang));
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests with <paramref name="method"/> (<c>*</c> for any) whose path and query contain
    /// <paramref name="pathContains"/> get a Status error with <paramref name="statusCode"/>, its reason (by default the
    /// real API's for the code: Unauthorized, Forbidden, Conflict, Invalid, InternalError, ServiceUnavailable…) and message.
    /// </summary>
    public void Fail(string method, string pathContains, int statusCode, int times = 1, string? message = null, string? reason = null)
    {
        reason ??= ApiError.ReasonFor(statusCode);
        var error = new ApiError(statusCode, reason, message ?? $"injected failure: {statusCode} {reason}");
        lock (gate)
        {
            failures.Add(new InjectedFailure(method, pathContains, error, times));
        }
    }

    /// <summary>A copy of the stored object, or null; <paramref name="namespace"/> is null for cluster-scoped resources.</summary>
    public JsonObject? Get(string plural, string? @namespace, string name)
    {
        lock (gate)
        {
            return store.Get(plural, @namespace ?? "", name)?.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of a resource's objects in a namespace (all when null) that a label selector (if any) matches, by name.</summary>
    public IReadOnlyList<JsonObject> List(string plural, string? @namespace = null, string? labelSelector = null)
    {
        var selector = LabelSelector.Parse(labelSelector);
        lock (gate)
        {
            return [.. store.List(plural, @namespace).Where(selector.Matches).Select(obj => obj.DeepClone().AsObject())];
        }
    }

    /// <summary>
    /// Stores <paramref name="obj"/> as if a client had created (or replaced) it, Deployment simulation included, and returns a
    /// copy of what was stored. Its apiVersion (default v1) gives the group; metadata.namespace defaults to <c>default</c>.
    /// </summary>
    public JsonObject Seed(string plural, JsonObject obj)
    {
        lock (gate)
        {
            return SeedLocked(plural, obj.DeepClone().AsObject()).DeepClone().AsObject();
        }
    }

    /// <summary>
    /// Writes a kubeconfig file whose current context <paramref name="context"/> points at this server, with the
    /// namespace and bearer token if given, for <c>KubernetesClientConfiguration.BuildConfigFromConfigFile</c>.
    /// </summary>
    public void WriteKubeconfig(string path, string context = "fake", string? @namespace = null, string? token = null) =>
        KubeconfigWriter.Write(path, Url, context, @namespace, token);

    /// <summary>Stops the server: open watches end and pending pod changes are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        lock (gate)
        {
            store.CloseWatches();
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    /// <summary>Runs <paramref name="action"/> under the lock after <paramref name="delay"/>, unless the fake stops first.</summary>
    internal void Schedule(TimeSpan delay, Action action)
    {
        var token = stopping.Token;
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
            lock (gate)
            {
                if (!token.IsCancellationRequested)
                {
                    action();
                }
            }
        }, token);
    }

    /// <summary>What becomes of the pods of <paramref name="deployment"/>: the first matching FailPods or HangPods wins.</summary>
    internal PodFate FateOf(JsonObject deployment) =>
        fates.Where(fate => fate.Matches(deployment)).Select(fate => fate.Fate).DefaultIfEmpty(PodFate.Ready).First();

    private static string? RawTarget(Microsoft.AspNetCore.Http.HttpContext context) => context.Features.Get<IHttpRequestFeature>()?.RawTarget;
}
