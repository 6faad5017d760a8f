using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The three strategies. Each returns the Deployment that serves once it is done; each failure (a stalled rollout, a timeout, a failed
/// analysis, Ctrl+C) first returns the environment to <paramref name="serving"/>, the release that served before, and says so.
/// </summary>
internal sealed class ClusterRollouts(ClusterApi api, ClusterPlacement placement, ClusterRelease release, ClusterRelease? serving, string? servingAs,
    ServiceLevelSection? slo, Action<string> say, CancellationToken cancellationToken)
{
    public async Task<string> RollingAsync()
    {
        var objects = ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0]);
        await ApplyAsync(objects).ConfigureAwait(false);
        await OrUndoAsync(() => WaitAsync(placement.Name, placement.Replicas), async quiet =>
        {
            if (serving is not null)
            {
                await quiet.ApplyAsync(ClusterManifests.Deployment(placement, serving, null, placement.Replicas)).ConfigureAwait(false);
                return $"the Deployment was set back to v{serving.VersionLabel}";
            }

            return "nothing served before, so the failed Deployment stays for kubectl describe";
        }).ConfigureAwait(false);
        return placement.Name;
    }

    public async Task<string> BlueGreenAsync()
    {
        var old = servingAs is { } name && name.EndsWith("-" + ClusterObjects.Colours[0], StringComparison.Ordinal) ? ClusterObjects.Colours[0]
            : servingAs is null ? null : ClusterObjects.Colours[1];
        var colour = old == ClusterObjects.Colours[0] ? ClusterObjects.Colours[1] : ClusterObjects.Colours[0];
        var target = ClusterObjects.Serving(placement, release, colour);
        var deployment = ClusterObjects.DeploymentName(placement, colour);

        // The preview Service and the new colour first; the active Service switches only once every new pod is ready.
        await api.ApplyAsync(ClusterManifests.Service(placement, placement.Name + "-preview", colour)).ConfigureAwait(false);
        await api.ApplyAsync(ClusterManifests.Deployment(placement, release, colour, placement.Replicas)).ConfigureAwait(false);
        await OrUndoAsync(() => WaitAsync(deployment, placement.Replicas), async quiet =>
        {
            await quiet.ApplyAsync(ClusterManifests.Deployment(placement, release, colour, 0)).ConfigureAwait(false);
            return old is null ? $"{colour} was scaled to 0" : $"{colour} was scaled to 0; {old} still serves v{serving?.VersionLabel}";
        }).ConfigureAwait(false);
        await ApplyAsync(target).ConfigureAwait(false);
        say($"Service {api.Namespace}/{placement.Name} switched to {colour} (v{release.VersionLabel})");
        if (old is not null && serving is not null)
        {
            var delay = TimeSpan.FromSeconds(placement.Settings.ScaleDownDelaySeconds ?? 30);
            say(Text($"{old} (v{serving.VersionLabel}) stays up {delay.TotalSeconds:0} s for an instant switch back, then scales to 0"));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            await api.ApplyAsync(ClusterManifests.Deployment(placement, serving, old, 0)).ConfigureAwait(false);
        }

        return deployment;
    }

    public async Task<string> CanaryAsync(IReadOnlyList<CanaryStepSection> steps)
    {
        var stable = ClusterObjects.DeploymentName(placement, ClusterObjects.Stable);
        if (serving is null)
        {
            say("canary: nothing serves yet, so the first version goes straight to stable");
            await ApplyAsync(ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0])).ConfigureAwait(false);
            await WaitAsync(stable, placement.Replicas).ConfigureAwait(false);
            return stable;
        }

        var canary = ClusterObjects.DeploymentName(placement, ClusterObjects.Canary);
        await OrUndoAsync(async () =>
        {
            for (var i = 0; i < steps.Count; i++)
            {
                await StepAsync(steps[i], i, canary).ConfigureAwait(false);
            }

            // Promotion: stable takes the new version, then the canary goes.
            await ApplyAsync(ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0])).ConfigureAwait(false);
            await WaitAsync(stable, placement.Replicas).ConfigureAwait(false);
            await api.DeleteDeploymentAsync(canary).ConfigureAwait(false);
            say($"canary: promoted; {stable} serves v{release.VersionLabel} with all traffic");
        }, async quiet =>
        {
            foreach (var manifest in ClusterObjects.Serving(placement, serving, ClusterObjects.Colours[0]))
            {
                await quiet.ApplyAsync(manifest).ConfigureAwait(false);
            }

            await quiet.DeleteDeploymentAsync(canary).ConfigureAwait(false);
            return $"the canary was removed and stable v{serving.VersionLabel} has all traffic again";
        }).ConfigureAwait(false);
        return stable;
    }

    private async Task StepAsync(CanaryStepSection step, int index, string canary)
    {
        if (step.SetWeight is { } weight)
        {
            var (canaryPods, stablePods) = Split(placement.Replicas, weight, placement.Settings.Route is not null);
            await api.ApplyAsync(ClusterManifests.Deployment(placement, release, ClusterObjects.Canary, canaryPods)).ConfigureAwait(false);
            await WaitAsync(canary, canaryPods).ConfigureAwait(false);
            await api.ApplyAsync(ClusterManifests.Deployment(placement, serving!, ClusterObjects.Stable, stablePods)).ConfigureAwait(false);
            if (placement.Settings.Route is not null)
            {
                await api.ApplyAsync(ClusterObjects.Route(placement, weight)).ConfigureAwait(false);
            }

            say(placement.Settings.Route is not null ? Text($"canary: {weight} % of traffic through HTTPRoute {placement.Name}")
                : Text($"canary: {canaryPods} of {canaryPods + stablePods} pods ({100.0 * canaryPods / (canaryPods + stablePods):0} % of traffic; {weight} % asked)"));
        }
        else if (step.Pause is { } seconds)
        {
            say(Text($"canary: pause {seconds} s"));
            await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
        }
        else if (step.Analysis is { } analysis
            && await CanaryAnalysis.RunAsync(api, placement, release, analysis, slo, say, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            throw new QualityGateException(Text($"The canary v{release.VersionLabel} failed its analysis (kubernetes.steps[{index}]): {failure}"));
        }
    }

    /// <summary>How many canary and stable pods give <paramref name="weight"/> percent: by replica ratio, or the canary alone scaled when a route splits traffic.</summary>
    public static (int Canary, int Stable) Split(int replicas, int weight, bool routed)
    {
        if (routed)
        {
            return (weight == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(replicas * weight / 100.0)), replicas);
        }

        if (weight == 0 || weight == 100)
        {
            return weight == 0 ? (0, replicas) : (replicas, 0);
        }

        // At least one pod of each, so the share is neither 0 nor 100 %; with one replica the canary adds a second pod.
        var canary = Math.Clamp((int)Math.Round(replicas * weight / 100.0), 1, Math.Max(1, replicas - 1));
        return (canary, Math.Max(1, replicas - canary));
    }

    private async Task ApplyAsync(IEnumerable<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>> objects)
    {
        foreach (var manifest in objects)
        {
            await api.ApplyAsync(manifest).ConfigureAwait(false);
        }
    }

    private Task WaitAsync(string deployment, int replicas) =>
        RolloutWait.UntilAvailableAsync(api, deployment, replicas, placement.Timeout, say, cancellationToken);

    // On failure or Ctrl+C, undo with a token of its own (the build's may be cancelled) and say in which state the cluster is.
    private async Task OrUndoAsync(Func<Task> work, Func<ClusterApi, Task<string>> undo)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClusterException or QualityGateException or OperationCanceledException)
        {
            string state;
            try
            {
                state = await undo(api.WithoutCancellation()).ConfigureAwait(false);
            }
            catch (ClusterException undoFailed)
            {
                throw new ClusterException($"{e.Message} Undoing it failed too: {undoFailed.Message}", e);
            }

            throw e switch
            {
                QualityGateException => new QualityGateException($"{e.Message}; {state}."),
                OperationCanceledException => new OperationCanceledException($"The rollout was interrupted; {state}.", e),
                _ => new ClusterException($"{e.Message.TrimEnd('.')}; {state}.", e),
            };
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
