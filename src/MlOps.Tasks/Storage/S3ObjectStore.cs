using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace MlOps.Tasks.Storage;

/// <summary>
/// An <see cref="ObjectStore"/> in an S3 bucket (AWS or an S3-compatible server), under the prefix of its URL:
/// <c>s3://bucket/team/a</c> keeps key <c>runs/7f3a/model.mlbundle</c> at <c>team/a/runs/7f3a/model.mlbundle</c>.
/// Uploads carry Content-MD5, so the server refuses a body that changed on the way, and the sha256 as metadata.
/// </summary>
public sealed partial class S3ObjectStore : ObjectStore
{
    /// <summary>The user metadata (<c>x-amz-meta-sha256</c>) that holds an object's sha256.</summary>
    public const string Sha256Metadata = "sha256";

    private readonly AmazonS3Client client;
    private readonly string credentialSource;
    private volatile bool bucketSeen;

    /// <summary>A store at <paramref name="url"/> (<c>s3://bucket</c> or <c>s3://bucket/prefix</c>), reached as <paramref name="options"/> say.</summary>
    /// <exception cref="UsageException">The URL or the endpoint is not usable, or the profile does not exist.</exception>
    /// <exception cref="StoreUnavailableException">The SDK cannot be configured (no region, no credentials).</exception>
    public S3ObjectStore(string url, S3StoreOptions? options = null)
    {
        (Bucket, Prefix) = ParseUrl(url);
        options ??= new S3StoreOptions();
        Endpoint = ResolveEndpoint(options.Endpoint, Environment.GetEnvironmentVariable);
        var profile = S3Settings.Profile(options.Profile);
        credentialSource = S3Settings.CredentialSource(options, Environment.GetEnvironmentVariable);
        var config = S3Settings.Config(Endpoint, options.Region, profile?.Region);
        try
        {
            var credentials = options.Credentials ?? profile?.Credentials;
            client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            throw new StoreUnavailableException(Display, "configuring the S3 client", OneLine(e), e);
        }
    }

    /// <summary>The bucket's name.</summary>
    public string Bucket { get; }

    /// <summary>The URL's path without slashes at either end ("" for the bucket's root): every key is below it.</summary>
    public string Prefix { get; }

    /// <summary>The S3-compatible server's endpoint, or null for AWS itself.</summary>
    public Uri? Endpoint { get; }

    /// <inheritdoc/>
    public override string Display => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    /// <inheritdoc/>
    public override async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellation)
    {
        var request = new GetObjectMetadataRequest { BucketName = Bucket, Key = ObjectKeyOf(key) };
        try
        {
            var response = await Call($"looking up {key}", limit => client.GetObjectMetadataAsync(request, limit), cancellation).ConfigureAwait(false);
            return new StoredObject(key, response.ContentLength, NullIfEmpty(response.Metadata[Sha256Metadata]));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD answer has no body, so a missing bucket looks like a missing key until the bucket is asked about.
            await EnsureBucketAsync($"looking up {key}", cancellation).ConfigureAwait(false);
            return null;
        }
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation)
    {
        ObjectKey.CheckPrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = Prefix.Length == 0 ? prefix : $"{Prefix}/{prefix}" };
        var keys = new List<string>();
        ListObjectsV2Response response;
        do
        {
            response = await Call($"listing {(prefix.Length == 0 ? "all keys" : prefix)}", limit => client.ListObjectsV2Async(request, limit), cancellation)
                .ConfigureAwait(false);
            // Keys ending in '/' are the folder markers consoles create, not objects.
            keys.AddRange((response.S3Objects ?? []).Where(o => !o.Key.EndsWith('/')).Select(o => Prefix.Length == 0 ? o.Key : o.Key[(Prefix.Length + 1)..]));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return keys.Order(StringComparer.Ordinal).ToList();
    }

    private protected override async Task UploadAsync(string key, string localFile, FileDigest digest, CancellationToken cancellation)
    {
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = ObjectKeyOf(key),
            FilePath = localFile,
            ContentType = "application/octet-stream",
            MD5Digest = Convert.ToBase64String(digest.Md5),
            // S3-compatible servers store an aws-chunked body as it came, chunk signatures and all; a plain body is understood everywhere.
            UseChunkEncoding = false,
        };
        request.Metadata.Add(Sha256Metadata, digest.Sha256);
        await Call($"uploading {key}", limit => client.PutObjectAsync(request, limit), cancellation, S3Settings.TransferTimeout).ConfigureAwait(false);
    }

    private protected override async Task<string?> DownloadAsync(string key, string partialFile, CancellationToken cancellation)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = ObjectKeyOf(key) };
        try
        {
            return await Call($"downloading {key}", async limit =>
            {
                using var response = await client.GetObjectAsync(request, limit).ConfigureAwait(false);
                await response.WriteResponseStreamToFileAsync(partialFile, append: false, limit).ConfigureAwait(false);
                return NullIfEmpty(response.Metadata[Sha256Metadata]);
            }, cancellation, S3Settings.TransferTimeout).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            throw new FileNotFoundException($"{Describe(key)} does not exist.", Describe(key), e);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            client.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task EnsureBucketAsync(string doing, CancellationToken cancellation)
    {
        if (!bucketSeen)
        {
            var probe = new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1, Prefix = Prefix };
            await Call(doing, limit => client.ListObjectsV2Async(probe, limit), cancellation).ConfigureAwait(false);
        }
    }

    private string ObjectKeyOf(string key) => Prefix.Length == 0 ? ObjectKey.Check(key) : $"{Prefix}/{ObjectKey.Check(key)}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
