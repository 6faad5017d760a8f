using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Provenance;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Containers;

/// <summary>
/// BuildImage: the staging version's signed bundle and the self-contained server on the base image,
/// smoke-tested against the scores Validate recorded, recorded in image.json. One image per version serves
/// every environment: an image whose bundle, serving publish and base are unchanged is reused, whatever environment asks.
/// </summary>
public static class ImageBuild
{
    /// <summary>Builds (or reuses) the staging version's image.</summary>
    /// <exception cref="QualityGateException">No version has passed the gates (no alias <c>staging</c>).</exception>
    /// <exception cref="BundleVerificationException">The staging bundle's signature does not verify.</exception>
    /// <exception cref="UsageException">artifacts/ hold another version's predictions than staging's, or the version asked for is not staging.</exception>
    /// <exception cref="ContainerException">Docker is unreachable, the build failed or the smoke test failed.</exception>
    public static async Task<ImageBuildOutcome> RunAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (version, bundle, publicKey) = VerifiedVersion.Staging(request.StoreFolder, request.Workspace.Pipeline.Name);
        CheckVersion(request.StoreFolder, version, request.Version);
        var rows = SmokeRows.Of(request.Workspace, version.Version, request.SmokeRowCount);
        var serving = ServingPublish.Sha256(request.ServingFolder, request.Force);
        var servingSha256 = serving.Sha256;
        using var docker = await DockerDaemon.ConnectAsync(DockerDaemon.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        var (baseName, baseId, imported) = await BaseAsync(docker, request.Workspace.Pipeline, cancellationToken).ConfigureAwait(false);
        var fingerprint = Fingerprint(bundle.Sha256, servingSha256, baseId);
        var recordPath = Path.Combine(request.Workspace.ArtifactsFolder, ArtifactNames.Image);
        if (!request.Force && ImageRecord.Read(recordPath) is { } before && before.Fingerprint == fingerprint
            && await ImageInspection.FindAsync(docker, before.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            var pushed = await PushAsync(docker, request.Workspace.Pipeline, before, cancellationToken).ConfigureAwait(false);
            if (pushed != before)
            {
                ArtifactJson.Write(recordPath, pushed);
            }

            return new ImageBuildOutcome(pushed, Reused: true, imported, serving);
        }

        var clock = Stopwatch.StartNew();
        var image = await ImageBuilder.BuildAsync(docker, new ImageRequest
        {
            ServingFolder = request.ServingFolder,
            Bundle = version.Source,
            PublicKey = publicKey,
            BaseImage = baseName,
            GitCommit = GitState.Of(request.Workspace.RepositoryRoot).Commit,
            Created = DateTimeOffset.UtcNow,
        }, cancellationToken).ConfigureAwait(false);
        var built = clock.Elapsed;
        var difference = await SmokeTestAsync(docker, image, rows, cancellationToken).ConfigureAwait(false);
        var record = new ImageRecord
        {
            Model = version.Model,
            Version = version.Version,
            Id = image.Id,
            Tags = image.Tags,
            Size = image.Size,
            BundleSha256 = bundle.Sha256,
            ServingSha256 = servingSha256,
            Base = baseName,
            BaseId = baseId,
            Fingerprint = fingerprint,
            Built = DateTimeOffset.UtcNow,
            BuildSeconds = Math.Round(built.TotalSeconds, 2),
            SmokeRows = rows.Ids.Count,
            SmokeMaxDifference = difference,
        };
        record = await PushAsync(docker, request.Workspace.Pipeline, record, cancellationToken).ConfigureAwait(false);
        ArtifactJson.Write(recordPath, record);
        return new ImageBuildOutcome(record, Reused: false, imported, serving);
    }

    /// <summary>
    /// Refuses a version asked for by reference (<c>--version</c>) other than <paramref name="staging"/>: BuildImage builds
    /// the staging version's image only, smoke-tested against the predictions Validate recorded for it.
    /// </summary>
    /// <exception cref="UsageException"><paramref name="reference"/> names another version, or none; the message says what to do.</exception>
    public static void CheckVersion(string storeFolder, ModelVersion staging, string? reference)
    {
        ArgumentNullException.ThrowIfNull(staging);
        if (reference is null)
        {
            return;
        }

        ModelVersion named;
        using (var store = TrackingStore.Open(storeFolder))
        {
            named = store.Registry.GetVersion(staging.Model, reference);
        }

        if (named.Version != staging.Version)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"BuildImage builds the image of staging v{staging.Version} only, not of v{named.Version} (--version={reference}); ")
                + string.Create(CultureInfo.InvariantCulture,
                    $"point staging at it first (./build.sh --target=SetAlias --alias=staging --version={named.Version}), or deploy it to a local environment."));
        }
    }

    /// <summary>The fingerprint of an image: what goes into it, and nothing of the environment that asks for it.</summary>
    public static string Fingerprint(string bundleSha256, string servingSha256, string baseId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bundle={bundleSha256}\nserving={servingSha256}\nbase={baseId}\n")));

    private static async Task<(string Name, string Id, bool Imported)> BaseAsync(DockerClient docker, PipelineDefinition pipeline, CancellationToken cancellationToken)
    {
        if (pipeline.Image.Base is { } name)
        {
            // Never pulled: no registry outside loopback is reached from a build here.
            var found = await ImageInspection.FindAsync(docker, name, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerException(
                    $"The base image {name} ({pipeline.Image.LocationOf("base")?.ToString() ?? pipeline.File}) is not in the Docker daemon; "
                    + "pull or load it first, or remove image.base to use the offline base.");
            return (name, found.ID, false);
        }

        var offline = await OfflineBaseImage.EnsureAsync(docker, Path.GetTempPath(), cancellationToken).ConfigureAwait(false);
        return (offline.Tag, offline.Id, offline.Imported);
    }

    // Pushes the image to image.registry unless it is there already; the record gains its reference by digest.
    private static async Task<ImageRecord> PushAsync(DockerClient docker, PipelineDefinition pipeline, ImageRecord record, CancellationToken cancellationToken)
    {
        if (pipeline.Image.Registry is not { } registry || record.Digest?.StartsWith(registry + "/", StringComparison.Ordinal) == true)
        {
            return record;
        }

        var (repository, tag) = (record.Tags[0][..record.Tags[0].LastIndexOf(':')], record.Tags[0][(record.Tags[0].LastIndexOf(':') + 1)..]);
        try
        {
            return record with { Digest = await RegistryPush.PushAsync(docker, record.Id, registry, repository, tag, cancellationToken).ConfigureAwait(false) };
        }
        catch (ContainerException e)
        {
            throw new ContainerException($"{e.Message} (image.registry, {pipeline.Image.LocationOf("registry")?.ToString() ?? pipeline.File}, names it.)", e);
        }
    }

    // A failed image is untagged, so that nothing deploys it by tag.
    private static async Task<double> SmokeTestAsync(DockerClient docker, ModelImage image, SmokeRows rows, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ContainerSmokeTest.RunAsync(docker, new SmokeTestRequest { Image = image.Id, Rows = rows.Body, ContentType = "text/csv" },
                cancellationToken).ConfigureAwait(false);
            return rows.Compare(result.Invocations);
        }
        catch (Exception e) when (e is ContainerException or ServerCheckException)
        {
            await docker.Images.DeleteImageAsync(image.Id, new ImageDeleteParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
