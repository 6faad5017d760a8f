using k8s.Models;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The objects a <c>kubernetes</c> environment is made of, as the client's typed models: pure, so they can be checked (golden
/// files) and written for GitOps without a cluster. Pods run as the image's non-root user with a read-only root file system;
/// the audit log goes to an emptyDir.
/// </summary>
public static class ClusterManifests
{
    private const string AuditFolder = "/audit";

    /// <summary>
    /// The Deployment of <paramref name="release"/>: <c>{name}</c>, or <c>{name}-{slot}</c> for a colour or track, whose pods carry
    /// the slot label so a Service can pick them. Null <paramref name="replicas"/> leaves the count out, to an autoscaler.
    /// </summary>
    public static V1Deployment Deployment(ClusterPlacement placement, ClusterRelease release, string? slot, int? replicas)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(release);
        var selector = Selector(placement, slot);
        var name = slot is null ? placement.Name : $"{placement.Name}-{slot}";
        var podLabels = new Dictionary<string, string>(Labels(placement, release), StringComparer.Ordinal);
        foreach (var (key, value) in selector)
        {
            podLabels[key] = value;
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = Metadata(placement, name, podLabels, Annotations(placement, release)),
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = selector },
                ProgressDeadlineSeconds = (int)placement.Timeout.TotalSeconds,
                RevisionHistoryLimit = 3,
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = 0 },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels, Annotations = Annotations(placement, release) },
                    Spec = Pod(placement, release, name),
                },
            },
        };
    }

    /// <summary>The Service <paramref name="name"/> in front of the pods <paramref name="slot"/> picks (all of the environment's when null).</summary>
    public static V1Service Service(ClusterPlacement placement, string name, string? slot)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var settings = placement.Settings;
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = Metadata(placement, name, Common(placement), settings.Annotations),
            Spec = new V1ServiceSpec
            {
                Type = settings.ServiceType ?? "ClusterIP",
                Selector = Selector(placement, slot),
                Ports = [new V1ServicePort { Name = "http", Port = settings.ServicePort ?? 80, TargetPort = "http", Protocol = "TCP" }],
            },
        };
    }

    /// <summary>The HorizontalPodAutoscaler on the Deployment <paramref name="target"/>, or null when the file asks for none.</summary>
    public static V2HorizontalPodAutoscaler? Autoscaler(ClusterPlacement placement, string target)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.Settings.Autoscale is not { } autoscale)
        {
            return null;
        }

        return new V2HorizontalPodAutoscaler
        {
            ApiVersion = "autoscaling/v2",
            Kind = "HorizontalPodAutoscaler",
            Metadata = Metadata(placement, placement.Name, Common(placement), placement.Settings.Annotations),
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = target },
                MinReplicas = autoscale.MinReplicas,
                MaxReplicas = autoscale.MaxReplicas,
                Metrics =
                [
                    new V2MetricSpec
                    {
                        Type = "Resource",
                        Resource = new V2ResourceMetricSource
                        {
                            Name = "cpu",
                            Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = autoscale.CpuPercent ?? 80 },
                        },
                    },
                ],
            },
        };
    }

    /// <summary>The PodDisruptionBudget over all the environment's pods, or null when the file asks for none.</summary>
    public static V1PodDisruptionBudget? DisruptionBudget(ClusterPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return placement.Settings.MinAvailable is not { } least ? null : new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = Metadata(placement, placement.Name, Common(placement), placement.Settings.Annotations),
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = least, Selector = new V1LabelSelector { MatchLabels = Selector(placement, null) } },
        };
    }

    /// <summary>The labels on every object of the environment.</summary>
    public static Dictionary<string, string> Common(ClusterPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var labels = new Dictionary<string, string>(placement.Settings.Labels, StringComparer.Ordinal)
        {
            [ClusterLabels.Name] = placement.Name,
            [ClusterLabels.ManagedBy] = ClusterLabels.FieldManager,
            [ClusterLabels.Environment] = placement.Environment,
        };
        return labels;
    }

    /// <summary>What picks the pods of <paramref name="slot"/>, or all of the environment's.</summary>
    public static Dictionary<string, string> Selector(ClusterPlacement placement, string? slot)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterLabels.Name] = placement.Name };
        if (slot is not null)
        {
            selector[ClusterLabels.Slot] = slot;
        }

        return selector;
    }

    private static Dictionary<string, string> Labels(ClusterPlacement placement, ClusterRelease release) =>
        new(Common(placement), StringComparer.Ordinal) { [ClusterLabels.Model] = Label(release.Model), [ClusterLabels.Version] = release.VersionLabel };

    private static Dictionary<string, string> Annotations(ClusterPlacement placement, ClusterRelease release) =>
        new(placement.Settings.Annotations, StringComparer.Ordinal) { [ClusterLabels.BundleSha256] = release.BundleSha256, [ClusterLabels.ImageDigest] = release.ImageDigest };

    private static V1ObjectMeta Metadata(ClusterPlacement placement, string name, IDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations) =>
        new()
        {
            Name = name,
            NamespaceProperty = placement.Namespace.Length == 0 ? null : placement.Namespace,
            Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
            Annotations = annotations.Count == 0 ? null : new Dictionary<string, string>(annotations, StringComparer.Ordinal),
        };

    // The server names its Deployment and image in every audit record, so a record leads to the image without the cluster's history.
    private static V1PodSpec Pod(ClusterPlacement placement, ClusterRelease release, string deployment)
    {
        var settings = placement.Settings;
        return new V1PodSpec
        {
            AutomountServiceAccountToken = false,
            SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
            ImagePullSecrets = settings.ImagePullSecret is { } secret ? [new V1LocalObjectReference { Name = secret }] : null,
            Containers =
            [
                new V1Container
                {
                    Name = "model",
                    Image = release.Image,
                    ImagePullPolicy = "IfNotPresent",
                    Ports = [new V1ContainerPort { Name = "http", ContainerPort = placement.Port, Protocol = "TCP" }],
                    Env =
                    [
                        new V1EnvVar { Name = "MLOPS_BIND", Value = "0.0.0.0" },
                        new V1EnvVar { Name = "MLOPS_PORT", Value = placement.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        new V1EnvVar { Name = "MLOPS_AUDIT_LOG", Value = AuditFolder + "/predictions.jsonl" },
                        new V1EnvVar { Name = "MLOPS_DEPLOYMENT", Value = deployment },
                        new V1EnvVar { Name = "MLOPS_IMAGE_DIGEST", Value = release.ImageDigest },
                    ],
                    // The model loads before the server listens: liveness starts only once the startup probe passed.
                    StartupProbe = Probe("/health", periodSeconds: 5, failureThreshold: Math.Max(1, (int)placement.Timeout.TotalSeconds / 5)),
                    ReadinessProbe = Probe("/ready", periodSeconds: 5),
                    LivenessProbe = Probe("/health", periodSeconds: 10),
                    Resources = settings.Requests.Count == 0 && settings.Limits.Count == 0 ? null : new V1ResourceRequirements
                    {
                        Requests = Quantities(settings.Requests),
                        Limits = Quantities(settings.Limits),
                    },
                    SecurityContext = new V1SecurityContext
                    {
                        AllowPrivilegeEscalation = false,
                        ReadOnlyRootFilesystem = true,
                        Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    },
                    VolumeMounts = [new V1VolumeMount { Name = "audit", MountPath = AuditFolder }],
                },
            ],
            Volumes = [new V1Volume { Name = "audit", EmptyDir = new V1EmptyDirVolumeSource() }],
        };
    }

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold = 3) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
    };

    private static Dictionary<string, ResourceQuantity>? Quantities(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? null : values.ToDictionary(v => v.Key, v => new ResourceQuantity(v.Value), StringComparer.Ordinal);

    // Label values are at most 63 characters of [A-Za-z0-9._-].
    private static string Label(string text) => text.Length <= 63 ? text : text[..63];
}
