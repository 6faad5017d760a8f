using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Models.Bundles;

namespace MlOps.Tasks.Containers;

/// <summary>Builds the model image: the self-contained scoring server and the signed bundle on a base image.</summary>
public static class ImageBuilder
{
    /// <summary>The scoring server's executable in a self-contained publish.</summary>
    public const string ServerExecutable = "MlOps.Serving";

    /// <summary>
    /// Verifies the bundle against the public key, then builds and tags the image. Nothing reaches
    /// the daemon when the bundle does not verify.
    /// </summary>
    /// <exception cref="BundleVerificationException">The bundle is not signed by the key, or was changed.</exception>
    /// <exception cref="ContainerException">The publish is incomplete or the daemon failed the build.</exception>
    public static async Task<ModelImage> BuildAsync(IDockerClient docker, ImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(request);
        var bundle = ModelBundle.Open(request.Bundle, PublicKey.FromPem(await File.ReadAllTextAsync(request.PublicKey, cancellationToken).ConfigureAwait(false)));
        if (!File.Exists(Path.Combine(request.ServingFolder, ServerExecutable)))
        {
            throw new ContainerException(
                $"{request.ServingFolder} holds no {ServerExecutable}; "
                + $"publish the server with `dotnet publish src/MlOps.Serving -c Release -r linux-x64 --self-contained -o {request.ServingFolder}`.");
        }

        var tags = ImageDefinition.Tags(bundle.Provenance.ModelName, bundle.Provenance.ModelVersion, bundle.Sha256);
        var labels = ImageDefinition.Labels(request, bundle);
        var progress = new BuildProgress();
        using (var context = ImageBuildContext.Create(ImageDefinition.Dockerfile(request), request))
        {
            await docker.Images.BuildImageFromDockerfileAsync(
                new ImageBuildParameters
                {
                    Tags = [.. tags],
                    Labels = labels,
                    Dockerfile = "Dockerfile",
                    Remove = true,
                    ForceRemove = true,

                    // The Dockerfile runs nothing, so its steps need no network.
                    NetworkMode = "none",
                },
                context,
                authConfigs: null,
                headers: null,
                progress,
                cancellationToken).ConfigureAwait(false);
        }

        progress.ThrowIfFailed($"Building the image {tags[0]}");
        var image = await ImageInspection.FindAsync(docker, tags[0], cancellationToken).ConfigureAwait(false)
            ?? throw new ContainerException($"Docker reported no error building {tags[0]}, yet has no such image.\n{progress.Output}");
        return new ModelImage(image.ID, tags, labels, image.Size);
    }
}
