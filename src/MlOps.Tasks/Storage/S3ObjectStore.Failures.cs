using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace MlOps.Tasks.Storage;

public sealed partial class S3ObjectStore
{
    private static readonly string[] DeniedCodes = ["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken"];

    /// <summary>Bucket and prefix of <c>s3://bucket/prefix</c>; the prefix without slashes at either end.</summary>
    /// <exception cref="UsageException">Not an s3:// URL with a bucket.</exception>
    internal static (string Bucket, string Prefix) ParseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string Scheme = "s3://";
        var rest = url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? url[Scheme.Length..] : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var bucket = slash < 0 ? rest : rest![..slash];
        var prefix = slash < 0 ? "" : rest![(slash + 1)..].Trim('/');
        if (string.IsNullOrEmpty(bucket) || bucket.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '@' or ':')
            || prefix.Split('/').Any(s => s is "." or ".." || (s.Length == 0 && prefix.Length > 0)))
        {
            throw new UsageException($"'{url}' is not an S3 store URL; give s3://bucket or s3://bucket/prefix.");
        }

        return (bucket, prefix);
    }

    /// <summary>The endpoint of an S3-compatible server: <paramref name="given"/>, else AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL; null for AWS.</summary>
    /// <exception cref="UsageException">The endpoint is not an absolute http or https URL.</exception>
    internal static Uri? ResolveEndpoint(string? given, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (source, value) = !string.IsNullOrWhiteSpace(given) ? ("The S3 endpoint", given)
            : !string.IsNullOrWhiteSpace(environment("AWS_ENDPOINT_URL_S3")) ? ("AWS_ENDPOINT_URL_S3", environment("AWS_ENDPOINT_URL_S3"))
            : ("AWS_ENDPOINT_URL", environment("AWS_ENDPOINT_URL"));
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https") || endpoint.UserInfo.Length > 0)
        {
            throw new UsageException($"{source} '{UriSecrets.Mask(value)}' is not an http:// or https:// URL without credentials, such as http://127.0.0.1:9000.");
        }

        return endpoint;
    }

    // One request, retries included, within a limit (an answer, or a transfer), its failures as StoreUnavailableException.
    private async Task<T> Call<T>(string doing, Func<CancellationToken, Task<T>> call, CancellationToken cancellation, TimeSpan? limit = null)
    {
        var within = limit ?? S3Settings.AnswerTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(within);
        try
        {
            var result = await call(timeout.Token).ConfigureAwait(false);
            bucketSeen = true;
            return result;
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested && Failure(e, within) is { } reason)
        {
            throw new StoreUnavailableException(Display, doing, reason, e);
        }
    }

    // Why the store cannot be used, in one line; null for what the caller handles itself (a missing key).
    private string? Failure(Exception e, TimeSpan within)
    {
        if (e is AmazonServiceException service && (service.StatusCode != 0 || service.ErrorCode is not null))
        {
            return service switch
            {
                { ErrorCode: "NoSuchBucket" } => $"bucket {Bucket} does not exist",
                { ErrorCode: "NoSuchKey" or "NotFound" } or { StatusCode: HttpStatusCode.NotFound, ErrorCode: null } => null,
                _ when service.StatusCode == HttpStatusCode.Forbidden || DeniedCodes.Contains(service.ErrorCode) =>
                    // A HEAD answer has no body: its code is only the status.
                    $"access denied ({(service.ErrorCode is null or "Forbidden" ? "403 Forbidden" : service.ErrorCode)}); check {credentialSource}",
                _ => $"{service.ErrorCode ?? ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {OneLine(service)}",
            };
        }

        if (Chain(e).Any(x => x is HttpRequestException or SocketException or HttpIOException))
        {
            return OneLine(e) + AtEndpoint;
        }

        return e switch
        {
            OperationCanceledException or TimeoutException => $"no answer within {within.TotalSeconds:0} s{AtEndpoint}",
            // The SDK's chain found nothing; its message lists every provider it asked, on many lines.
            AmazonClientException when e.Message.Contains("AWS credentials", StringComparison.Ordinal) => $"no AWS credentials found; check {credentialSource}",
            AmazonClientException => OneLine(e),
            _ => null,
        };
    }

    private string AtEndpoint => Endpoint is null ? "" : $" (endpoint {Endpoint.GetLeftPart(UriPartial.Authority)})";

    // The innermost message, which says what happened (connection refused), on one line.
    private static string OneLine(Exception e)
    {
        var innermost = Chain(e).Last(x => !string.IsNullOrWhiteSpace(x.Message));
        return string.Join(' ', innermost.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? at = e; at is not null; at = at.InnerException)
        {
            yield return at;
        }
    }
}
