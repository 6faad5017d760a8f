using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace MlOps.Tasks.Storage;

/// <summary>The AWS SDK's client configuration for an <see cref="S3ObjectStore"/>.</summary>
internal static class S3Settings
{
    /// <summary>How long one attempt may wait to connect: an endpoint that drops connections fails within three of these.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(8);

    /// <summary>How long a request without a body to move (HEAD, a list page) may take, its retries included.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long an upload or a download may take, its retries included.</summary>
    public static readonly TimeSpan TransferTimeout = TimeSpan.FromHours(1);

    /// <summary>How long one attempt of a request may take, body included (large uploads).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(20);

    /// <summary>A named profile's credentials and region; null when no profile is named.</summary>
    /// <exception cref="UsageException">The profile is in neither ~/.aws/credentials nor ~/.aws/config, or has no credentials.</exception>
    public static (string Name, AWSCredentials Credentials, string? Region)? Profile(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var chain = new CredentialProfileStoreChain();
        if (!chain.TryGetProfile(name, out var profile) || !chain.TryGetAWSCredentials(name, out var credentials))
        {
            throw new UsageException(
                $"AWS profile '{name}' is not in ~/.aws/credentials or ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE), or has no credentials.");
        }

        return (name, credentials, profile.Region?.SystemName);
    }

    /// <summary>Which credentials to check when access is denied, as users set them.</summary>
    public static string CredentialSource(S3StoreOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.Credentials is not null)
        {
            return "the credentials given to the store";
        }

        if ((options.Profile ?? environment("AWS_PROFILE")) is { Length: > 0 } profile)
        {
            return $"profile '{profile}' in ~/.aws/credentials ({(options.Profile is null ? "AWS_PROFILE" : "the profile option")})";
        }

        return environment("AWS_ACCESS_KEY_ID") is { Length: > 0 }
            ? "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)"
            : "the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or the default profile in ~/.aws/credentials";
    }

    /// <summary>Few retries and a connect timeout, so that a dead endpoint fails in seconds; for a custom endpoint, path-style requests and no checksums it may not know.</summary>
    public static AmazonS3Config Config(Uri? endpoint, string? region, string? profileRegion)
    {
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 2,
            ConnectTimeout = ConnectTimeout,
            Timeout = RequestTimeout,
        };
        var regionName = NullIfBlank(region) ?? profileRegion;
        if (endpoint is null)
        {
            if (regionName is not null)
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(regionName);
            }

            return config;
        }

        config.ServiceURL = endpoint.ToString();
        config.ForcePathStyle = true;
        // Servers other than AWS accept any region in the signature; AWS_REGION is kept for those that check it.
        config.AuthenticationRegion = regionName ?? NullIfBlank(Environment.GetEnvironmentVariable("AWS_REGION")) ?? "us-east-1";
        // AWSSDK >= 3.7.412 adds CRC32 trailing checksums (aws-chunked bodies) that S3-compatible servers refuse (aws/aws-sdk-net#3615).
        config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        return config;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
