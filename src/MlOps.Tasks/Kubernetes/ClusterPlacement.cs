using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Kubernetes;

/// <summary>Where a <c>kubernetes</c> environment runs: its settings, namespace and the names of its objects.</summary>
public sealed record ClusterPlacement
{
    /// <summary>The environment's name in the pipeline file.</summary>
    public required string Environment { get; init; }

    /// <summary>The environment's <c>kubernetes</c> settings.</summary>
    public required KubernetesSection Settings { get; init; }

    /// <summary>The namespace the objects live in; empty for the dry run's files when the pipeline names none (kubectl's context decides).</summary>
    public required string Namespace { get; init; }

    /// <summary>The Deployment and Service name (and the prefix of colours and tracks).</summary>
    public required string Name { get; init; }

    /// <summary>The port the pods listen on.</summary>
    public required int Port { get; init; }

    /// <summary>How many pods serve.</summary>
    public int Replicas => Settings.Replicas ?? 1;

    /// <summary>The serving Deployment's count as applied: <see cref="Replicas"/>, or none when an autoscaler owns it.</summary>
    public int? ServingReplicas => Settings.Autoscale is null ? Replicas : null;

    /// <summary>How long each wait may take.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(Settings.TimeoutSeconds ?? 300);

    /// <summary>The placement of <paramref name="environment"/> of <paramref name="pipeline"/>, in <paramref name="space"/> unless the file names one.</summary>
    public static ClusterPlacement Of(PipelineDefinition pipeline, string environment, string space)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var section = pipeline.Environments[environment];
        var settings = section.Kubernetes ?? new KubernetesSection();
        return new ClusterPlacement
        {
            Environment = environment,
            Settings = settings,
            Namespace = settings.Namespace ?? space,
            Name = settings.Name ?? DnsName($"{pipeline.Name}-{environment}"),
            Port = section.Port ?? EnvironmentSection.DefaultPort(section.Kind),
        };
    }

    // Model and environment names may hold '_' and be long; object names are DNS labels with room for '-canary'.
    private static string DnsName(string name)
    {
        var label = name.ToLowerInvariant().Replace('_', '-');
        return label.Length <= 42 ? label : label[..42].TrimEnd('-');
    }
}
