using System.Globalization;
using k8s.Models;

namespace MlOps.Tasks.Kubernetes;

/// <summary>Waits, as <c>kubectl rollout status</c> does, until a Deployment's pods are all updated and available.</summary>
internal static class RolloutWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Returns once <paramref name="name"/> has <paramref name="wanted"/> updated, available pods and no others; null waits for the
    /// count the Deployment has (an autoscaler's).
    /// </summary>
    /// <exception cref="ClusterException">The rollout exceeded its progress deadline, or <paramref name="timeout"/> passed; the message says how far it got.</exception>
    public static async Task UntilAvailableAsync(ClusterApi api, string name, int? wanted, TimeSpan timeout, Action<string> say, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = "";
        while (true)
        {
            var deployment = await api.ReadDeploymentAsync(name).ConfigureAwait(false)
                ?? throw new ClusterException($"Deployment {api.Namespace}/{name} disappeared while its rollout was awaited; was it deleted by hand?");
            var status = deployment.Status ?? new V1DeploymentStatus();
            var replicas = wanted ?? deployment.Spec.Replicas ?? 1;
            var progress = Text($"Deployment {api.Namespace}/{name}: {status.AvailableReplicas ?? 0} of {replicas} pods available");
            if (progress != last)
            {
                say(progress);
                last = progress;
            }

            if (IsDone(deployment, replicas))
            {
                return;
            }

            // A condition from before the latest spec says nothing about it.
            if (status.ObservedGeneration >= deployment.Metadata.Generation
                && status.Conditions?.FirstOrDefault(c => c.Type == "Progressing") is { Status: "False" } stalled)
            {
                throw new ClusterException($"{progress}; the rollout stalled ({stalled.Reason}: {stalled.Message}){await WhyAsync(api, deployment).ConfigureAwait(false)}.");
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new ClusterException(Text($"{progress} after {timeout.TotalSeconds:0} s (kubernetes.timeout_seconds)")
                    + $"{await WhyAsync(api, deployment).ConfigureAwait(false)}.");
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the Deployment has rolled out: its controller saw the latest spec and every pod is updated and available.</summary>
    public static bool IsDone(V1Deployment deployment, int replicas)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var status = deployment.Status;
        return status is not null && status.ObservedGeneration >= deployment.Metadata.Generation
            && (status.UpdatedReplicas ?? 0) == replicas && (status.AvailableReplicas ?? 0) == replicas && (status.Replicas ?? 0) == replicas;
    }

    // The pods say why they are not ready (CrashLoopBackOff, ImagePullBackOff, Unschedulable).
    private static async Task<string> WhyAsync(ClusterApi api, V1Deployment deployment)
    {
        var pods = await api.PodsAsync(deployment.Spec.Selector.MatchLabels.AsReadOnly()).ConfigureAwait(false);
        var reasons = pods.Items
            .Select(p => (p.Metadata.Name,
                Reason: p.Status?.ContainerStatuses?.Select(c => c.State?.Waiting?.Reason ?? c.State?.Terminated?.Reason).FirstOrDefault(r => r is not null)
                    ?? p.Status?.Conditions?.FirstOrDefault(c => c.Status == "False" && c.Reason is not null)?.Reason))
            .Where(p => p.Reason is not null)
            .Take(3)
            .ToList();
        return reasons.Count == 0 ? ""
            : "; " + string.Join(", ", reasons.Select(p => $"pod {p.Name}: {p.Reason}")) + $" (kubectl -n {api.Namespace} describe pod {reasons[0].Name})";
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
