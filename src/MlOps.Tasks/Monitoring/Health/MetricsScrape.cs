using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace MlOps.Tasks.Monitoring.Health;

/// <summary>What a scoring server's /metrics answered, and when.</summary>
/// <param name="Source">Where the text came from, for messages: the /metrics address or a file.</param>
/// <param name="Time">When it was read; a single scrape's request rate runs from the server's start to here.</param>
/// <param name="Samples">The samples.</param>
public sealed record MetricsScrape(string Source, DateTimeOffset Time, IReadOnlyList<MetricSample> Samples)
{
    /// <summary>A scrape from text already read, e.g. a saved /metrics answer.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names its number.</exception>
    public static MetricsScrape Parse(string source, string text, DateTimeOffset time) =>
        new(source, time, PrometheusText.Parse(text));

    /// <inheritdoc cref="FetchAsync(Uri, string?, TimeSpan, CancellationToken)"/>
    public static Task<MetricsScrape> FetchAsync(Uri address, TimeSpan timeout, CancellationToken cancellationToken) =>
        FetchAsync(address, apiKey: null, timeout, cancellationToken);

    /// <summary>
    /// Reads /metrics of the scoring server at <paramref name="address"/> (its base address, or the /metrics
    /// address itself). Only loopback addresses are read; no proxy is used and redirects are not followed, so
    /// the request never leaves the machine.
    /// </summary>
    /// <param name="address">The server, e.g. <c>http://127.0.0.1:5080</c>.</param>
    /// <param name="apiKey">The server's API key (MLOPS_API_KEY), sent as a bearer token; null when it has none.</param>
    /// <param name="timeout">How long the server may take to answer in full.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="UsageException">The address is not http(s) on 127.0.0.0/8, ::1 or localhost.</exception>
    /// <exception cref="MetricsUnavailableException">Nothing answered in time, the answer was not 200, or not the Prometheus text format.</exception>
    public static async Task<MetricsScrape> FetchAsync(Uri address, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var metrics = MetricsAddress(address);
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        // The timeout covers reading the body too, which HttpClient.Timeout does not once the headers are in.
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, metrics);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        string text;
        DateTimeOffset time;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            time = DateTimeOffset.UtcNow;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new MetricsUnavailableException(Refused(metrics, response.StatusCode));
            }

            text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricsUnavailableException(
                Text($"{metrics} did not answer within {timeout.TotalSeconds:0.###} s; check that the scoring server runs there and is not stuck."), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var reason = e.InnerException is SocketException socket ? socket.Message : e.Message.TrimEnd('.');
            throw new MetricsUnavailableException($"Could not read {metrics}: {reason}. Check that the scoring server runs there (./build.sh --target=Serve).", e);
        }

        try
        {
            return Parse(metrics.ToString(), text, time);
        }
        catch (FormatException e)
        {
            throw new MetricsUnavailableException($"{metrics} did not answer in the Prometheus text format: {e.Message}", e);
        }
    }

    /// <summary>The /metrics address of <paramref name="address"/>.</summary>
    /// <exception cref="UsageException">It is not an http(s) address on this machine.</exception>
    internal static Uri MetricsAddress(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{address}' is not an http address; expected the scoring server's address, e.g. http://127.0.0.1:5080.");
        }

        if (!IsLoopback(address))
        {
            throw new UsageException($"'{address}' is not on this machine; Monitor reads /metrics only from 127.0.0.1 (127.0.0.0/8), [::1] or localhost.");
        }

        return address.AbsolutePath is "" or "/" ? new Uri(address, "/metrics") : address;
    }

    private static bool IsLoopback(Uri address)
    {
        if (address.HostNameType == UriHostNameType.Dns)
        {
            return address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        }

        return IPAddress.TryParse(address.IdnHost, out var ip)
            && IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
    }

    private static string Refused(Uri metrics, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => $"{metrics} answered 401 Unauthorized: the server wants its API key (MLOPS_API_KEY).",
        HttpStatusCode.NotFound => $"{metrics} answered 404 Not Found; is the scoring server (MlOps.Serving) the one listening there?",
        _ => Text($"{metrics} answered {(int)status} {status}, not 200 with the metrics."),
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
