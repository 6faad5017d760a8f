namespace MlOps.Tasks.Storage;

public abstract partial class ObjectStore
{
    /// <summary>What <see cref="Open"/> accepts, for messages.</summary>
    public const string AcceptedUrls = "a folder path, file:///path/to/folder or s3://bucket/prefix";

    /// <summary>
    /// The store a URL names: a local path or <c>file://</c> URL is a <see cref="FolderObjectStore"/>, <c>s3://bucket/prefix</c>
    /// an <see cref="S3ObjectStore"/> configured by <paramref name="s3"/> and the SDK's usual environment and files.
    /// </summary>
    /// <exception cref="UsageException">The URL is empty, has another scheme, or is not a usable URL of its kind.</exception>
    public static ObjectStore Open(string url, S3StoreOptions? s3 = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (url.Trim().Length == 0)
        {
            throw new UsageException($"The store URL is empty; give {AcceptedUrls}.");
        }

        if (schemeEnd <= 0 || !url[..schemeEnd].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return new FolderObjectStore(url);
        }

        var scheme = url[..schemeEnd];
        if (scheme.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile || !string.IsNullOrEmpty(uri.Host))
            {
                throw new UsageException($"'{UriSecrets.Mask(url)}' is not a local file URL; give {AcceptedUrls}.");
            }

            return new FolderObjectStore(uri.LocalPath);
        }

        if (scheme.Equals("s3", StringComparison.OrdinalIgnoreCase))
        {
            return new S3ObjectStore(url, s3);
        }

        throw new UsageException($"'{UriSecrets.Mask(url)}' is not a store this build can use ({scheme}:// is not supported); give {AcceptedUrls}.");
    }
}
