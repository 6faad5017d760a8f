namespace MlOps.Tasks.Pipeline;

/// <summary>
/// <c>environments.&lt;name&gt;.kubernetes</c>: where and how a <c>kubernetes</c> environment runs the model. The cluster is found as
/// kubectl finds it: <c>KUBECONFIG</c>, else <c>~/.kube/config</c>, else the pod's service account inside a cluster.
/// </summary>
public sealed record KubernetesSection : PipelineSection
{
    /// <summary>The kubeconfig context; by default its current context.</summary>
    public string? Context { get; init; }

    /// <summary>The namespace; by default the context's, else <c>default</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>How many pods serve the model (1 when absent).</summary>
    public int? Replicas { get; init; }

    /// <summary>How a new version replaces the one serving.</summary>
    public RolloutStrategy Strategy { get; init; } = RolloutStrategy.Rolling;

    /// <summary>How long each wait (pods ready, a rollout done) may take, in seconds (300 when absent).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The Service's type: ClusterIP (default), NodePort or LoadBalancer.</summary>
    public string? ServiceType { get; init; }

    /// <summary>The port the Service answers on (80 when absent); the pods listen on the environment's <c>port</c>.</summary>
    public int? ServicePort { get; init; }

    /// <summary>
    /// Where the cluster pulls the image from, e.g. <c>myregistry.azurecr.io/credit-scoring</c>: the pods run <c>{image_repository}:{tag}</c>
    /// with the tag BuildImage gave it, which CI pushes there (docker tag, docker push). When absent: the digest <c>image.registry</c> was
    /// pushed to, else the local tag (kind load docker-image).
    /// </summary>
    [TextPattern(@"[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+", "a repository such as registry.example.com/team/model, without a tag")]
    public string? ImageRepository { get; init; }

    /// <summary>The Secret the pods pull the image with.</summary>
    public string? ImagePullSecret { get; init; }

    /// <summary>Requests of each pod, e.g. <c>cpu: 250m</c>, <c>memory: 512Mi</c>.</summary>
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Limits of each pod, e.g. <c>memory: 1Gi</c>.</summary>
    public IReadOnlyDictionary<string, string> Limits { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Labels added to every object and pod.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Annotations added to every object.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A HorizontalPodAutoscaler for the serving pods; none when absent.</summary>
    public AutoscaleSection? Autoscale { get; init; }

    /// <summary>A PodDisruptionBudget: at least this many pods stay up during voluntary disruptions; none when absent.</summary>
    public int? MinAvailable { get; init; }

    /// <summary>Blue-green: how long the old colour stays up (for an instant Rollback) before it is scaled down, in seconds (default 30).</summary>
    public int? ScaleDownDelaySeconds { get; init; }

    /// <summary>Canary: the steps, as Argo Rollouts writes them; none promotes the new version straight away.</summary>
    public IReadOnlyList<CanaryStepSection> Steps { get; init; } = [];

    /// <summary>Canary: a Gateway API HTTPRoute that splits traffic by exact weights; without one, weights follow the replica ratio.</summary>
    public RouteSection? Route { get; init; }

    /// <summary>The Deployment, Service and pod label prefix: <c>{model}-{environment}</c> when absent.</summary>
    [TextPattern("[a-z]([-a-z0-9]{0,40}[a-z0-9])?", "a DNS label of at most 42 characters, starting with a letter")]
    public string? Name { get; init; }
}
