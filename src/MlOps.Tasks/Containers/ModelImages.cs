using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>The images BuildImage made of a model, found by their label <c>mlops.model.name</c>, for Prune.</summary>
public static class ModelImages
{
    /// <summary>The model's images in the daemon.</summary>
    public static async Task<IReadOnlyList<StoredImage>> ListAsync(IDockerClient docker, string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"mlops.model.name={model}"] = true } },
        }, cancellationToken).ConfigureAwait(false);
        return [.. images.Select(i => new StoredImage(i.ID, [.. i.RepoTags ?? []],
            i.Labels is { } labels && labels.TryGetValue("mlops.model.version", out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null,
            i.Labels is { } all && all.TryGetValue("mlops.bundle.sha256", out var bundle) ? bundle : null, i.Size))];
    }

    /// <summary>The newest image in the daemon that has every one of <paramref name="labels"/> (<c>name=value</c>), or null.</summary>
    internal static async Task<ImagesListResponse?> FindAsync(IDockerClient docker, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels.ToDictionary(l => l, _ => true, StringComparer.Ordinal) },
        }, cancellationToken).ConfigureAwait(false);
        return images.OrderByDescending(i => i.Created).FirstOrDefault();
    }

    /// <summary>Removes an image: each tag, then the image itself; a container using it keeps it.</summary>
    /// <returns>Null when removed; else why the daemon kept it.</returns>
    public static async Task<string?> RemoveAsync(IDockerClient docker, StoredImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            foreach (var tag in image.Tags.Where(t => t != "<none>:<none>"))
            {
                await docker.Images.DeleteImageAsync(tag, new ImageDeleteParameters(), cancellationToken).ConfigureAwait(false);
            }

            if (await ImageInspection.FindAsync(docker, image.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                await docker.Images.DeleteImageAsync(image.Id, new ImageDeleteParameters(), cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return e.ResponseBody is { Length: > 0 } body ? body.Trim() : "a container uses it";
        }
    }
}
