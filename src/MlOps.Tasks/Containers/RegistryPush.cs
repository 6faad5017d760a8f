using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>
/// Puts model images into an image registry and takes them out by digest, so that what is deployed
/// is the image that was tested, wherever its tags point later. No credentials: the registry is one
/// the daemon reaches without them, such as a loopback registry (which Docker talks to over plain HTTP).
/// </summary>
public static class RegistryPush
{
    /// <summary>
    /// Tags <paramref name="imageId"/> as <c>{registry}/{repository}:{tag}</c> (the tag stays in the
    /// daemon), pushes it and returns its reference by digest, <c>{registry}/{repository}@sha256:…</c>.
    /// </summary>
    /// <exception cref="ContainerException">The image is not in the daemon, or the registry is unreachable or refused the push.</exception>
    public static async Task<string> PushAsync(IDockerClient docker, string imageId, string registry, string repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var name = $"{registry}/{repository}";
        var what = $"Pushing {repository}:{tag} to {registry}";
        var progress = new BuildProgress();
        try
        {
            await docker.Images.TagImageAsync(imageId, new ImageTagParameters { RepositoryName = name, Tag = tag }, cancellationToken).ConfigureAwait(false);
            await docker.Images.PushImageAsync(name, new ImagePushParameters { Tag = tag }, new AuthConfig(), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw Failed(what, e);
        }

        // An unreachable registry is not an HTTP error: the daemon answers 200 and reports it as a message.
        progress.ThrowIfFailed(what, $"Is a registry running at {registry}?");
        var digest = progress.Digest ?? throw new ContainerException($"Docker reported no error pushing {name}:{tag}, yet no digest.\n{progress.Output}");
        return $"{name}@{digest}";
    }

    /// <summary>Pulls <paramref name="reference"/> (<c>{registry}/{repository}@sha256:…</c>) and returns the local image id.</summary>
    /// <exception cref="ArgumentException"><paramref name="reference"/> names no digest.</exception>
    /// <exception cref="ContainerException">The registry is unreachable or has no such manifest.</exception>
    public static async Task<string> PullAsync(IDockerClient docker, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        if (!reference.Contains("@sha256:", StringComparison.Ordinal))
        {
            // Without a tag or digest the daemon would pull every tag of the repository.
            throw new ArgumentException($"{reference} is not a reference by digest (name@sha256:…).", nameof(reference));
        }

        var what = $"Pulling {reference}";
        var progress = new BuildProgress();
        try
        {
            await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference }, new AuthConfig(), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw Failed(what, e);
        }

        progress.ThrowIfFailed(what);
        var image = await ImageInspection.FindAsync(docker, reference, cancellationToken).ConfigureAwait(false)
            ?? throw new ContainerException($"Docker reported no error pulling {reference}, yet has no such image.\n{progress.Output}");
        return image.ID;
    }

    // The daemon's own words are the body's "message"; the exception's Message wraps them in a status code and JSON.
    private static ContainerException Failed(string what, DockerApiException e)
    {
        string? message;
        try
        {
            message = e.ResponseBody is { Length: > 0 } body ? JsonNode.Parse(body)?["message"]?.GetValue<string>() : null;
        }
        catch (JsonException)
        {
            message = null;
        }

        return new ContainerException($"{what} failed: {message ?? e.Message}", e);
    }
}
