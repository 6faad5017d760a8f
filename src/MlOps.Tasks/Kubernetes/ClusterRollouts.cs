using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The three strategies. Each returns the Deployment that serves once it is done; each failure (a stalled rollout, a timeout, a failed
/// analysis, Ctrl+C) first returns the environment to <paramref name="serving"/>, the release that served before, and says so.
/// <paramref name="serving"/> is null when nothing served, or when it served in another strategy's shape (<paramref name="servingAs"/>
/// names its Deployment): the new release then goes straight to the new shape, and the caller removes the old one once it serves.
/// </summary>
internal sealed class ClusterRollouts(ClusterApi api, ClusterPlacement placement, ClusterRelease release, ClusterRelease? serving, string? servingAs,
    ServiceLevelSection? slo, Action<string> say, CancellationToken cancellationToken)
{
    public async Task<string> RollingAsync()
    {
        var before = servingAs == placement.Name ? serving : null;
        await ApplyAsync(ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0])).ConfigureAwait(false);
        await OrUndoAsync(() => WaitAsync(placement.Name, placement.ServingReplicas), async quiet =>
        {
            if (before is not null)
            {
                await quiet.ApplyAsync(ClusterManifests.Deployment(placement, before, null, placement.ServingReplicas)).ConfigureAwait(false);
                return $"the Deployment was set back to v{before.VersionLabel}";
            }

            await quiet.DeleteDeploymentAsync(placement.Name).ConfigureAwait(false);
            return servingAs is null ? "the failed Deployment was removed" : $"the failed Deployment was removed; {servingAs} still serves";
        }).ConfigureAwait(false);
        return placement.Name;
    }

    public async Task<string> BlueGreenAsync()
    {
        var old = ClusterObjects.Colours.FirstOrDefault(c => servingAs == ClusterObjects.DeploymentName(placement, c));
        var colour = old == ClusterObjects.Colours[0] ? ClusterObjects.Colours[1] : ClusterObjects.Colours[0];
        var deployment = ClusterObjects.DeploymentName(placement, colour);

        // The preview Service and the new colour first, at full size; the active Service switches only once every new pod is ready.
        var replicas = placement.Settings.Autoscale?.MinReplicas ?? placement.Replicas;
        await api.ApplyAsync(ClusterManifests.Service(placement, placement.Name + "-preview", colour)).ConfigureAwait(false);
        await api.ApplyAsync(ClusterManifests.Deployment(placement, release, colour, replicas)).ConfigureAwait(false);
        await OrUndoAsync(() => WaitAsync(deployment, replicas), async quiet =>
        {
            await quiet.ApplyAsync(ClusterManifests.Deployment(placement, release, colour, 0)).ConfigureAwait(false);
            return servingAs is null ? $"{colour} was scaled to 0" : $"{colour} was scaled to 0; {old ?? servingAs} still serves v{serving?.VersionLabel}";
        }).ConfigureAwait(false);
        await ApplyAsync(ClusterObjects.Serving(placement, release, colour)).ConfigureAwait(false);
        say($"Service {api.Namespace}/{placement.Name} switched to {colour} (v{release.VersionLabel})");
        if (old is not null && serving is not null)
        {
            // The new colour serves from here on: Ctrl+C during the delay scales the old one down at once, not back.
            var delay = TimeSpan.FromSeconds(placement.Settings.ScaleDownDelaySeconds ?? 30);
            say(Text($"{old} (v{serving.VersionLabel}) stays up {delay.TotalSeconds:0} s while the switch settles, then scales to 0"));
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                say($"interrupted: {old} is scaled to 0 now; {colour} serves v{release.VersionLabel}");
            }

            await api.WithoutCancellation().ApplyAsync(ClusterManifests.Deployment(placement, serving, old, 0)).ConfigureAwait(false);
        }

        return deployment;
    }

    public async Task<string> CanaryAsync(IReadOnlyList<CanaryStepSection> steps)
    {
        var stable = ClusterObjects.DeploymentName(placement, ClusterObjects.Stable);
        var canary = ClusterObjects.DeploymentName(placement, ClusterObjects.Canary);
        if (serving is null || servingAs != stable)
        {
            say(serving is null ? "canary: nothing serves yet, so the first version goes straight to stable"
                : $"canary: {servingAs} served in another strategy's shape, so this version goes straight to stable without steps");
            await ApplyAsync(ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0])).ConfigureAwait(false);
            await OrUndoAsync(() => WaitAsync(stable, placement.Replicas), async quiet =>
            {
                await quiet.DeleteDeploymentAsync(stable).ConfigureAwait(false);
                return servingAs is null ? "the failed stable Deployment was removed" : $"the failed stable Deployment was removed; {servingAs} still serves";
            }).ConfigureAwait(false);
            return stable;
        }

        // The two track Services exist before any route sends them traffic.
        if (placement.Settings.Route is not null)
        {
            await ApplyAsync(ClusterObjects.Serving(placement, serving, ClusterObjects.Colours[0]).Where(o => o is k8s.Models.V1Service)).ConfigureAwait(false);
        }

        await OrUndoAsync(async () =>
        {
            for (var i = 0; i < steps.Count; i++)
            {
                await StepAsync(steps[i], i, canary).ConfigureAwait(false);
            }

            // Promotion: stable takes the new version; once it is ready, the canary has nothing left to do.
            await ApplyAsync(ClusterObjects.Serving(placement, release, ClusterObjects.Colours[0])).ConfigureAwait(false);
            await WaitAsync(stable, placement.Replicas).ConfigureAwait(false);
        }, async quiet =>
        {
            // Stable at full size and ready first, then the canary goes: traffic is never left without ready pods.
            foreach (var manifest in ClusterObjects.Serving(placement, serving, ClusterObjects.Colours[0]))
            {
                await quiet.ApplyAsync(manifest).ConfigureAwait(false);
            }

            await RolloutWait.UntilAvailableAsync(quiet, stable, placement.Replicas, placement.Timeout, say, CancellationToken.None).ConfigureAwait(false);
            await quiet.DeleteDeploymentAsync(canary).ConfigureAwait(false);
            return $"the canary was removed and stable v{serving.VersionLabel} has all traffic again";
        }).ConfigureAwait(false);
        await api.WithoutCancellation().DeleteDeploymentAsync(canary).ConfigureAwait(false);
        say($"canary: promoted; {stable} serves v{release.VersionLabel} with all traffic");
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

    /// <summary>
    /// How many canary and stable pods give <paramref name="weight"/> percent: by replica ratio (rounded half away from zero, as Argo
    /// Rollouts does), or the canary alone scaled when a route splits traffic.
    /// </summary>
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
        var canary = Math.Clamp((int)Math.Round(replicas * weight / 100.0, MidpointRounding.AwayFromZero), 1, Math.Max(1, replicas - 1));
        return (canary, Math.Max(1, replicas - canary));
    }

    private async Task ApplyAsync(IEnumerable<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>> objects)
    {
        foreach (var manifest in objects)
        {
            await api.ApplyAsync(manifest).ConfigureAwait(false);
        }
    }

    private Task WaitAsync(string deployment, int? replicas) =>
        RolloutWait.UntilAvailableAsync(api, deployment, replicas, placement.Timeout, say, cancellationToken);

    // On any failure or Ctrl+C, undo with a token of its own (the build's may be cancelled) and say in which state the cluster is.
    private async Task OrUndoAsync(Func<Task> work, Func<ClusterApi, Task<string>> undo)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e)
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
                OperationCanceledException when cancellationToken.IsCancellationRequested => new OperationCanceledException($"The rollout was interrupted; {state}.", e),
                _ => new ClusterException($"{e.Message.TrimEnd('.')}; {state}.", e),
            };
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
