using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Provenance;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Containers;

/// <summary>
/// BuildImage: a registered version's signed bundle (staging's, or the one <c>--version</c> names) and the self-contained server on the base
/// image, smoke-tested, recorded in image.json. One image per version serves every environment: an image whose bundle, serving publish and
/// base are unchanged is reused, whatever environment asks, found through image.json or by its labels in the daemon.
/// </summary>
public static partial class ImageBuild
{
    /// <summary>
    /// Builds (or reuses) the image of the staging version, or of the version <see cref="ImageBuildRequest.Version"/> names. The smoke test
    /// scores held-out rows as Validate did when the artifacts hold that version's predictions; otherwise (a named older version) it checks
    /// /health and that /version names the bundle only.
    /// </summary>
    /// <exception cref="QualityGateException">No version was named and none has passed the gates (no alias <c>staging</c>).</exception>
    /// <exception cref="BundleVerificationException">The version's bundle does not verify, or is not the one the registry recorded.</exception>
    /// <exception cref="UsageException">The version named does not exist, or artifacts/ hold another version's predictions than staging's.</exception>
    /// <exception cref="ContainerException">Docker is unreachable, the build failed or the smoke test failed.</exception>
    public static async Task<ImageBuildOutcome> RunAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workspace = request.Workspace;
        var (version, bundle, publicKey) = VerifiedVersion.Named(request.Store, workspace.Pipeline.Name, request.Version);
        var rows = SmokeRows.OfNamed(workspace, version.Version, named: request.Version is not null, request.SmokeRowCount);
        var serving = ServingPublish.Sha256(request.ServingFolder, request.Force);
        using var docker = await DockerDaemon.ConnectAsync(DockerDaemon.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        var (baseName, baseId, imported) = await BaseAsync(docker, workspace.Pipeline, cancellationToken).ConfigureAwait(false);
        var made = new Ingredients(version, bundle, serving.Sha256, baseName, baseId, Fingerprint(bundle.Sha256, serving.Sha256, baseId));
        var recordPath = Path.Combine(workspace.ArtifactsFolder, ArtifactNames.Image);
        if (!request.Force && await ReusableAsync(docker, recordPath, made, cancellationToken).ConfigureAwait(false) is var (found, recorded))
        {
            var pushed = await PushAsync(docker, workspace.Pipeline, found, cancellationToken).ConfigureAwait(false);
            if (!recorded || pushed != found)
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
            GitCommit = GitState.Of(workspace.RepositoryRoot).Commit,
            Created = DateTimeOffset.UtcNow,
            Fingerprint = made.Fingerprint,
        }, cancellationToken).ConfigureAwait(false);
        var built = clock.Elapsed;
        var difference = await SmokeTestAsync(docker, image, bundle.Sha256, rows, cancellationToken).ConfigureAwait(false);
        var record = made.Record(image.Id, image.Tags, image.Size, DateTimeOffset.UtcNow) with
        {
            BuildSeconds = Math.Round(built.TotalSeconds, 2),
            SmokeRows = rows?.Ids.Count ?? 0,
            SmokeMaxDifference = difference,
        };
        record = await PushAsync(docker, workspace.Pipeline, record, cancellationToken).ConfigureAwait(false);
        ArtifactJson.Write(recordPath, record);
        return new ImageBuildOutcome(record, Reused: false, imported, serving) { RowsMissing = rows is null ? SmokeRows.Missing(workspace, version.Version) : null };
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

    // A failed image is untagged, so that nothing deploys it by tag. Without rows, /health and the bundle /version names are checked only.
    private static async Task<double> SmokeTestAsync(DockerClient docker, ModelImage image, string bundleSha256, SmokeRows? rows,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await ContainerSmokeTest.RunAsync(docker,
                new SmokeTestRequest { Image = image.Id, BundleSha256 = bundleSha256, Rows = rows?.Body, ContentType = "text/csv" },
                cancellationToken).ConfigureAwait(false);
            return rows is null ? 0 : rows.Compare(result.Invocations!);
        }
        catch (Exception e) when (e is ContainerException or ServerCheckException)
        {
            await docker.Images.DeleteImageAsync(image.Id, new ImageDeleteParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
