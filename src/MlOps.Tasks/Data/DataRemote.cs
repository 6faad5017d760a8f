using Amazon.Runtime;
using MlOps.Tasks.Storage;

namespace MlOps.Tasks.Data;

/// <summary>
/// The DVC remote that PullData and PushData use, and how to reach it: a folder or <c>s3://bucket/prefix</c>, holding DVC 3's layout
/// <c>files/md5/ab/cdef…</c> (the same as <c>.dvc/cache</c>), so that <c>dvc push</c> and <c>dvc pull</c> share its objects.
/// </summary>
/// <param name="Display">The remote as users name it: <c>remote 'storage' (s3://bucket/data)</c>, or the pipeline's folder as written.</param>
/// <param name="Url">Where it is: a full folder path or an <c>s3://</c> URL.</param>
/// <param name="S3">How to reach it when it is on S3 (from the remote's <c>endpointurl</c>, <c>region</c>, <c>profile</c> and keys).</param>
internal sealed record DataRemote(string Display, string Url, S3StoreOptions? S3 = null)
{
    /// <summary>Where DVC 3 keeps md5-addressed objects under a remote's URL.</summary>
    public const string ObjectsPrefix = "files/md5/";

    private static readonly string[] Schemes = ["s3", "file"];

    /// <summary>The object key of the md5 <paramref name="md5"/> (with <c>.dir</c> for a manifest): <c>files/md5/ab/cdef…</c>.</summary>
    public static string KeyOf(string md5) => $"{ObjectsPrefix}{md5[..2]}/{md5[2..]}";

    /// <summary>Opens the remote's object store.</summary>
    public ObjectStore Open() => ObjectStore.Open(Url, S3);

    /// <summary>
    /// The remote to use: <paramref name="requested"/> (<c>--remote</c>, a name of <c>.dvc/config</c>), else the pipeline's
    /// <c>data.source.remote</c> (a name of <c>.dvc/config</c>, else a folder relative to the repository or a URL), else the remote the
    /// pointer names (<c>remote:</c>), else <c>core.remote</c>.
    /// </summary>
    /// <returns>Null when none is named anywhere.</returns>
    /// <exception cref="UsageException"><paramref name="requested"/> is not a remote of <c>.dvc/config</c>.</exception>
    /// <exception cref="InvalidFileException">The configuration is malformed, names a remote it does not define, or a remote lacks its url.</exception>
    public static DataRemote? Resolve(string repositoryRoot, string? pipelineRemote, string? requested = null, DataPointer? pointer = null)
    {
        var config = DvcConfig.Read(repositoryRoot);
        if (requested is not null)
        {
            return config.Remote(requested) is { } named
                ? FromConfig(repositoryRoot, named)
                : throw new UsageException($"--remote={requested}: {Defined(config)}; add it with `dvc remote add {requested} <url>`.");
        }

        if (pipelineRemote is not null)
        {
            return config.Remote(pipelineRemote) is { } named
                ? FromConfig(repositoryRoot, named)
                : new DataRemote(pipelineRemote, IsUrl(pipelineRemote) ? pipelineRemote : Path.GetFullPath(Path.Combine(repositoryRoot, pipelineRemote)));
        }

        if (pointer?.Remote is { } own)
        {
            return config.Remote(own) is { } named
                ? FromConfig(repositoryRoot, named)
                : throw new UsageException($"{pointer.Path}.dvc names remote '{own}', but {Defined(config)}; add it with `dvc remote add {own} <url>`.");
        }

        if (config.DefaultRemote is not { } fallback)
        {
            return null;
        }

        return config.Remote(fallback.Text) is { } remote
            ? FromConfig(repositoryRoot, remote)
            : throw new InvalidFileException(fallback.Location, $"core.remote is '{fallback.Text}', but {Defined(config)}; add it with `dvc remote add`.");
    }

    private static DataRemote FromConfig(string repositoryRoot, DvcRemoteConfig remote)
    {
        if (remote["url"] is not { Text.Length: > 0 } url)
        {
            throw new InvalidFileException(remote.Location, $"remote '{remote.Name}' has no url; set one with `dvc remote modify {remote.Name} url <url>`.");
        }

        var scheme = url.Text.IndexOf("://", StringComparison.Ordinal) is > 1 and var end ? url.Text[..end] : null;
        if (scheme is not null && !Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidFileException(url.Location,
                $"remote '{remote.Name}' is at {url.Text}, which this build cannot reach ({scheme}:// is not supported); use a folder or an s3:// remote.");
        }

        // DVC resolves a relative path against the folder of the config file that holds it: .dvc/.
        var where = scheme is null ? Path.GetFullPath(Path.Combine(repositoryRoot, ".dvc", url.Text)) : url.Text;
        var display = $"remote '{remote.Name}' ({where})";
        return scheme?.Equals("s3", StringComparison.OrdinalIgnoreCase) == true
            ? new DataRemote(display, where, S3Options(remote))
            : new DataRemote(display, where);
    }

    private static S3StoreOptions S3Options(DvcRemoteConfig remote)
    {
        var keyId = remote["access_key_id"];
        var secret = remote["secret_access_key"];
        if ((keyId is null) != (secret is null))
        {
            var (given, present, missing) = keyId is null ? (secret!, "secret_access_key", "access_key_id") : (keyId, "access_key_id", "secret_access_key");
            throw new InvalidFileException(given.Location, $"remote '{remote.Name}' has {present} but no {missing}; set both (in .dvc/config.local) or neither.");
        }

        AWSCredentials? credentials = keyId is null ? null
            : remote["session_token"] is { } token ? new SessionAWSCredentials(keyId.Text, secret!.Text, token.Text)
            : new BasicAWSCredentials(keyId.Text, secret!.Text);
        return new S3StoreOptions(remote["endpointurl"]?.Text, remote["region"]?.Text, remote["profile"]?.Text, credentials);
    }

    private static bool IsUrl(string location) => location.Contains("://", StringComparison.Ordinal);

    private static string Defined(DvcConfig config) => config.RemoteNames.Count == 0
        ? $"{string.Join(" and ", DvcConfig.Files)} define no remote"
        : $"the remotes of {string.Join(" and ", DvcConfig.Files)} are {string.Join(", ", config.RemoteNames.Select(n => $"'{n}'"))}";
}
