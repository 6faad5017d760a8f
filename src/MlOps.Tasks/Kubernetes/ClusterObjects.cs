using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The objects of an environment once a rollout is done, in the order they are applied: what <c>--dryrun</c> writes for GitOps and
/// what each strategy converges on. Blue-green serves from <c>{name}-{colour}</c>, canary from <c>{name}-stable</c>.
/// </summary>
public static class ClusterObjects
{
    /// <summary>Blue-green's two colours.</summary>
    public static readonly string[] Colours = ["blue", "green"];

    /// <summary>Canary's tracks: the version serving and the one on trial.</summary>
    public const string Stable = "stable";

    /// <inheritdoc cref="Stable"/>
    public const string Canary = "canary";

    /// <summary>The objects serving <paramref name="release"/>; <paramref name="colour"/> is blue-green's serving colour.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Serving(ClusterPlacement placement, ClusterRelease release, string colour)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var slot = Slot(placement, colour);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        switch (placement.Settings.Strategy)
        {
            case RolloutStrategy.BlueGreen:
                objects.Add(ClusterManifests.Service(placement, placement.Name, slot));
                objects.Add(ClusterManifests.Service(placement, placement.Name + "-preview", slot));
                break;
            case RolloutStrategy.Canary when placement.Settings.Route is not null:
                objects.Add(ClusterManifests.Service(placement, placement.Name, null));
                objects.Add(ClusterManifests.Service(placement, $"{placement.Name}-{Stable}", Stable));
                objects.Add(ClusterManifests.Service(placement, $"{placement.Name}-{Canary}", Canary));
                objects.Add(Route(placement, 0));
                break;
            default:
                objects.Add(ClusterManifests.Service(placement, placement.Name, null));
                break;
        }

        var deployment = ClusterManifests.Deployment(placement, release, slot, placement.ServingReplicas);
        objects.Add(deployment);
        if (ClusterManifests.Autoscaler(placement, DeploymentName(placement, slot)) is { } autoscaler)
        {
            objects.Add(autoscaler);
        }

        if (ClusterManifests.DisruptionBudget(placement) is { } budget)
        {
            objects.Add(budget);
        }

        // What Deploy compares to tell an unchanged environment: the same release with other settings is a change.
        var text = string.Concat(objects.Select(ManifestFiles.Text));
        deployment.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        deployment.Metadata.Annotations[ClusterLabels.ObjectsSha256] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return objects;
    }

    /// <summary>The slot that serves: the colour for blue-green, <c>stable</c> for canary, none for rolling.</summary>
    public static string? Slot(ClusterPlacement placement, string colour)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return placement.Settings.Strategy switch
        {
            RolloutStrategy.BlueGreen => colour,
            RolloutStrategy.Canary => Stable,
            _ => null,
        };
    }

    /// <summary>The Deployment's name for <paramref name="slot"/>.</summary>
    public static string DeploymentName(ClusterPlacement placement, string? slot)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return slot is null ? placement.Name : $"{placement.Name}-{slot}";
    }

    /// <summary>The HTTPRoute sending <paramref name="canaryWeight"/> percent to the canary and the rest to stable.</summary>
    public static HttpRoute Route(ClusterPlacement placement, int canaryWeight)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var route = placement.Settings.Route ?? throw new InvalidOperationException("The environment has no route.");
        var port = placement.Settings.ServicePort ?? 80;
        return new HttpRoute
        {
            Metadata = new V1ObjectMeta
            {
                Name = placement.Name,
                NamespaceProperty = placement.Namespace.Length == 0 ? null : placement.Namespace,
                Labels = ClusterManifests.Common(placement),
                Annotations = placement.Settings.Annotations.Count == 0 ? null : new Dictionary<string, string>(placement.Settings.Annotations, StringComparer.Ordinal),
            },
            Spec = new HttpRouteSpec
            {
                ParentRefs = [new RouteReference { Name = route.Gateway, Namespace = route.GatewayNamespace }],
                Hostnames = route.Hostnames.Count == 0 ? null : [.. route.Hostnames],
                Rules =
                [
                    new HttpRouteRule
                    {
                        BackendRefs =
                        [
                            new RouteReference { Name = $"{placement.Name}-{Stable}", Port = port, Weight = 100 - canaryWeight },
                            new RouteReference { Name = $"{placement.Name}-{Canary}", Port = port, Weight = canaryWeight },
                        ],
                    },
                ],
            },
        };
    }
}
