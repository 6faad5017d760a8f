using System.Globalization;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Deploy would do, for <c>--dryrun</c>: which version replaces which deployment where, with which image. Reads the store, never creates it.</summary>
public static class DeployPlan
{
    /// <summary>The plan's line for a <c>local</c> or <c>docker</c> environment.</summary>
    /// <param name="workspace">The pipeline.</param>
    /// <param name="store">The tracking store; absent in a fresh repository.</param>
    /// <param name="environment">The environment's name.</param>
    /// <param name="version">The version named with <c>--version</c>, or null for staging.</param>
    /// <param name="image">image.json, when BuildImage has run.</param>
    public static string Describe(PipelineWorkspace workspace, StoreLocation store, string environment, string? version, ImageRecord? image)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = workspace.Pipeline.Environments[environment];
        var (chosen, current) = Known(store, workspace.Pipeline.Name, environment, version);
        var port = settings.Port ?? EnvironmentSection.DefaultPort(settings.Kind);
        var what = chosen is null ? "the version the tasks before would register" : Text($"v{chosen.Version} ({version ?? ModelAliases.Staging})");
        var replaces = current is null ? "nothing deployed there yet" : Text($"replacing v{current.Version} (deployment {current.Id})");
        var runs = settings.Kind == EnvironmentKind.Local ? "as a process"
            : Built(chosen, image) is { } built ? $"from image {built.Id} ({built.Tags[0]}{(built.Digest is { } digest ? ", " + digest : "")})"
            : "from the image BuildImage builds";
        var production = settings.Production ? $"; {ModelAliases.Production} would move" : "";
        return Text($"Deploy (plan): {what} to '{environment}' ({settings.Kind.ToString().ToLowerInvariant()}, 127.0.0.1:{port}) {runs}, {replaces}{production}");
    }

    /// <summary>The version Deploy would deploy and the environment's current deployment, as far as the store knows them.</summary>
    public static (ModelVersion? Chosen, DeploymentRecord? Current) Known(StoreLocation store, string model, string environment, string? version)
    {
        if (!TrackingStore.Exists(store))
        {
            return (null, null);
        }

        using var tracking = TrackingStore.Open(store);
        var chosen = version is null ? tracking.Registry.ResolveVersion(model, ModelAliases.Staging) : tracking.Registry.GetVersion(model, version);
        return (chosen, tracking.Deployments.CurrentDeployment(model, environment));
    }

    /// <summary>The image BuildImage made for <paramref name="chosen"/>, or null when it has not (yet).</summary>
    public static ImageRecord? Built(ModelVersion? chosen, ImageRecord? image) =>
        chosen is not null && image is not null && image.Version == chosen.Version && image.BundleSha256 == chosen.BundleSha256 ? image : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
