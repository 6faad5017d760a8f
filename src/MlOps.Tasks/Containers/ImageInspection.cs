using Docker.DotNet;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>Looks images up in the daemon.</summary>
internal static class ImageInspection
{
    /// <summary>The image named <paramref name="reference"/> (tag or id), or null when the daemon has none.</summary>
    public static async Task<ImageInspectResponse?> FindAsync(IDockerClient docker, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await docker.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }
}
