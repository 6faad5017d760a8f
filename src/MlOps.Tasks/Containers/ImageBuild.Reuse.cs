using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Models.Bundles;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Containers;

public static partial class ImageBuild
{
    // The image of this version made from the same bundle, server and base: the one image.json records (Recorded), else one the daemon
    // holds with the same model, bundle and fingerprint labels (image.json names another version's image, or none), tagged again if it lost its tag.
    private static async Task<(ImageRecord Record, bool Recorded)?> ReusableAsync(DockerClient docker, string recordPath, Ingredients made,
        CancellationToken cancellationToken)
    {
        if (ImageRecord.Read(recordPath) is { } before && before.Fingerprint == made.Fingerprint
            && await ImageInspection.FindAsync(docker, before.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return (before, true);
        }

        var model = made.Bundle.Provenance.ModelName;
        if (await ModelImages.FindAsync(docker, ImageDefinition.ReuseFilter(model, made.Bundle.Sha256, made.Fingerprint), cancellationToken)
            .ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var tags = ImageDefinition.Tags(model, made.Bundle.Provenance.ModelVersion, made.Bundle.Sha256);
        if (!(found.RepoTags ?? []).Contains(tags[0], StringComparer.Ordinal))
        {
            var colon = tags[0].LastIndexOf(':');
            await docker.Images.TagImageAsync(found.ID, new ImageTagParameters { RepositoryName = tags[0][..colon], Tag = tags[0][(colon + 1)..] },
                cancellationToken).ConfigureAwait(false);
        }

        return (made.Record(found.ID, tags, found.Size, new DateTimeOffset(DateTime.SpecifyKind(found.Created, DateTimeKind.Utc))), false);
    }

    // What an image of a version is made of; Fingerprint is over the bundle, the serving publish and the base.
    private sealed record Ingredients(ModelVersion Version, ModelBundle Bundle, string ServingSha256, string Base, string BaseId, string Fingerprint)
    {
        // Its record; what the smoke test saw is not known of an image found in the daemon, so it says none until a build sets it.
        public ImageRecord Record(string id, IReadOnlyList<string> tags, long size, DateTimeOffset built) => new()
        {
            Model = Version.Model,
            Version = Version.Version,
            Id = id,
            Tags = tags,
            Size = size,
            BundleSha256 = Bundle.Sha256,
            ServingSha256 = ServingSha256,
            Base = Base,
            BaseId = BaseId,
            Fingerprint = Fingerprint,
            Built = built,
            BuildSeconds = 0,
            SmokeRows = 0,
            SmokeMaxDifference = 0,
        };
    }
}
