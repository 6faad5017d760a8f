using Amazon.Runtime;

namespace MlOps.Tasks.Storage;

/// <summary>How to reach an S3 bucket; what is left null comes from the AWS SDK's usual environment variables and files.</summary>
/// <param name="Endpoint">
/// The S3 endpoint of an S3-compatible server (<c>http://127.0.0.1:9000</c>); null: <c>AWS_ENDPOINT_URL_S3</c>, else
/// <c>AWS_ENDPOINT_URL</c>, else AWS itself.
/// </param>
/// <param name="Region">The region (<c>eu-west-1</c>); null: <c>AWS_REGION</c>, the profile's, or the SDK's default.</param>
/// <param name="Profile">A profile of <c>~/.aws/credentials</c> or <c>~/.aws/config</c>; null: <c>AWS_PROFILE</c> or the default chain.</param>
/// <param name="Credentials">Credentials to use instead of the SDK's chain (tests, or a caller that has its own).</param>
public sealed record S3StoreOptions(string? Endpoint = null, string? Region = null, string? Profile = null, AWSCredentials? Credentials = null);
