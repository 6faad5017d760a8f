using k8s;
using k8s.Exceptions;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// A client for the cluster, found as kubectl finds it: the first file of <c>KUBECONFIG</c>, else <c>~/.kube/config</c>, else the
/// pod's service account when running inside a cluster. Never the client's fallback to http://localhost:8080.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private ClusterConnection(IKubernetes client, string context, string space)
    {
        Client = client;
        Context = context;
        Namespace = space;
    }

    /// <summary>The API client.</summary>
    public IKubernetes Client { get; }

    /// <summary>The kubeconfig context used (<c>in-cluster</c> inside a pod).</summary>
    public string Context { get; }

    /// <summary>The context's namespace, else <c>default</c>.</summary>
    public string Namespace { get; }

    /// <summary>Connects to <paramref name="context"/> (the current context when null); no request is made yet.</summary>
    /// <exception cref="UsageException">No kubeconfig is found, or it has no such context, or it cannot be read.</exception>
    public static ClusterConnection Open(string? context)
    {
        var files = ConfigFiles();
        if (files.Length > 0)
        {
            return FromFiles(files, context);
        }

        try
        {
            var inCluster = KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
                : throw new UsageException("No kubeconfig found: set KUBECONFIG or write ~/.kube/config (kubectl config view shows what kubectl uses), "
                    + "or run inside a cluster with a service account.");
            return new ClusterConnection(new k8s.Kubernetes(inCluster), "in-cluster", inCluster.Namespace ?? "default");
        }
        catch (KubeConfigException e)
        {
            throw new UsageException($"In-cluster configuration failed: {e.Message}");
        }
    }

    /// <summary>Connects with the kubeconfig <paramref name="file"/> to <paramref name="context"/> (its current context when null).</summary>
    /// <exception cref="UsageException">The file has no such context, or cannot be read.</exception>
    public static ClusterConnection FromFile(string file, string? context) => FromFiles([new FileInfo(file)], context);

    /// <summary>
    /// Connects with the first of <paramref name="files"/> (KUBECONFIG's) that defines <paramref name="context"/>, or, with none asked for,
    /// the first that sets a current context, as kubectl's merge picks them. A context's cluster and user are read from its own file.
    /// </summary>
    internal static ClusterConnection FromFiles(FileInfo[] files, string? context)
    {
        try
        {
            var configs = files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(f)).ToList();
            var chosen = configs.FirstOrDefault(c => context is null ? !string.IsNullOrEmpty(c.CurrentContext) : c.Contexts?.Any(x => x.Name == context) == true)
                ?? configs[0];
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(chosen, context);
            return new ClusterConnection(new k8s.Kubernetes(config), config.CurrentContext ?? context ?? "", config.Namespace ?? "default");
        }
        catch (KubeConfigException e)
        {
            throw new UsageException($"{string.Join(Path.PathSeparator, files.Select(f => f.FullName))}: {e.Message}"
                + $"{(context is null ? "" : $" (context '{context}' from the pipeline file)")}; kubectl config get-contexts lists what it holds.");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Client.Dispose();

    // KUBECONFIG's files that exist, else ~/.kube/config.
    private static FileInfo[] ConfigFiles()
    {
        if (Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } paths)
        {
            return [.. paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).Select(p => new FileInfo(p))];
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home) ? [new FileInfo(home)] : [];
    }
}
