using System.Globalization;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// What Deploy would do to a <c>kubernetes</c> environment, without a cluster: the objects it would converge on, written to
/// artifacts/&lt;pipeline&gt;/k8s/&lt;environment&gt;/ for GitOps, and one line saying what replaces what. Reads the store, never creates it.
/// </summary>
public static class ClusterPlan
{
    /// <summary>Writes the manifests and returns the plan's lines.</summary>
    /// <param name="workspace">The pipeline and its artifacts folder.</param>
    /// <param name="store">The tracking store; absent in a fresh repository.</param>
    /// <param name="environment">The environment's name.</param>
    /// <param name="version">The version named with <c>--version</c>, or null for staging.</param>
    /// <param name="image">image.json, when BuildImage has run.</param>
    public static IReadOnlyList<string> Write(PipelineWorkspace workspace, StoreLocation store, string environment, string? version, ImageRecord? image)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var model = workspace.Pipeline.Name;
        // No namespace in the files when the pipeline names none: kubectl apply -f puts them in the context's, as Deploy does.
        var placement = ClusterPlacement.Of(workspace.Pipeline, environment, "");
        var (chosen, current) = DeployPlan.Known(store, model, environment, version);
        var built = DeployPlan.Built(chosen, image);
        var release = built is not null ? ClusterRelease.Of(chosen!, built, placement.Settings.ImageRepository)
            : new ClusterRelease(model, chosen?.Version, chosen?.BundleSha256 ?? "pending", $"mlops/{model.ToLowerInvariant()}:pending", "pending");
        var colour = current?.RunsAs?.EndsWith("-" + ClusterObjects.Colours[0], StringComparison.Ordinal) == true ? ClusterObjects.Colours[1] : ClusterObjects.Colours[0];
        var folder = Path.Combine(workspace.ArtifactsFolder, "k8s", environment);
        var files = ManifestFiles.Write(folder, ClusterObjects.Serving(placement, release, colour));
        var what = chosen is null ? "the version the tasks before would register" : $"v{chosen.Version} ({(version is null ? ModelAliases.Staging : version)})";
        var replaces = current is null ? "nothing deployed there yet" : Text($"replacing v{current.Version} (deployment {current.Id})");
        List<string> lines =
        [
            $"Deploy (plan): {what} to '{environment}' (kubernetes, namespace {(placement.Namespace.Length == 0 ? "of the context" : placement.Namespace)}), "
                + $"{replaces}, by {Strategy(placement.Settings)}",
            Text($"Deploy (plan): image {(built is null ? "not built yet: BuildImage builds it" : release.Image)}; {files.Count} manifests in {folder}"),
        ];
        if (built is null)
        {
            var unknown = chosen is null ? "the version and image are" : "the image is";
            lines.Add($"Deploy (plan): the manifests say 'pending' where {unknown} not known yet; run ./build.sh --target=BuildImage first for exact ones");
        }

        return lines;
    }

    private static string Strategy(KubernetesSection settings) => settings.Strategy switch
    {
        RolloutStrategy.Canary when settings.Steps.Count > 0 => "canary: " + string.Join(", ", settings.Steps.Select(Step)),
        RolloutStrategy.BlueGreen => "blue-green",
        var strategy => strategy.ToString().ToLowerInvariant(),
    };

    private static string Step(CanaryStepSection step) =>
        step.SetWeight is { } weight ? Text($"set_weight {weight}") : step.Pause is { } pause ? Text($"pause {pause} s") : "analysis";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
