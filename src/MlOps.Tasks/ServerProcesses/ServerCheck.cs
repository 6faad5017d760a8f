using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>
/// The checks a new server passes before it takes over an environment, on the port only it listens on:
/// /health answers, /version names the bundle that was deployed, and sample rows score as Validate scored them.
/// </summary>
public static class ServerCheck
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs the checks.</summary>
    /// <param name="target">Where the server runs, to tell a crashed one from a slow one.</param>
    /// <param name="server">The server.</param>
    /// <param name="checkPort">The loopback port only it listens on.</param>
    /// <param name="bundleSha256">The bundle it must serve.</param>
    /// <param name="rows">Rows to score and the scores expected; null to skip.</param>
    /// <param name="timeout">How long it may take to get healthy.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="ServerCheckException">A check failed; the message says which and holds the server's log.</exception>
    public static async Task RunAsync(IDeploymentTarget target, RunningServer server, int checkPort, string bundleSha256, SmokeRows? rows, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{checkPort.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitHealthyAsync(target, server, http, timeout, cancellationToken).ConfigureAwait(false);
        var served = BundleOf(await GetAsync(http, "version", cancellationToken).ConfigureAwait(false));
        if (served != bundleSha256)
        {
            throw new ServerCheckException($"The new server serves the bundle {served}, not the deployed {bundleSha256}.");
        }

        if (rows is not null)
        {
            using var body = new StringContent(rows.Body, Encoding.UTF8, "text/csv");
            using var response = await http.PostAsync(new Uri("invocations", UriKind.Relative), body, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            _ = response.IsSuccessStatusCode ? rows.Compare(answer)
                : throw new ServerCheckException($"The new server answered the smoke rows with {(int)response.StatusCode}: {answer}");
        }
    }

    /// <summary>The <c>bundle_sha256</c> a /version answer names, or null when it names none.</summary>
    public static string? BundleOf(string version)
    {
        try
        {
            using var answer = JsonDocument.Parse(version);
            return answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("bundle_sha256", out var sha256)
                && sha256.ValueKind == JsonValueKind.String ? sha256.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="http"/>'s /health answers 200.</summary>
    /// <exception cref="ServerCheckException">The server stopped first, or did not answer in time; the message holds its log.</exception>
    public static async Task WaitHealthyAsync(IDeploymentTarget target, RunningServer server, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(http);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (!await target.IsRunningAsync(server, cancellationToken).ConfigureAwait(false))
            {
                throw new ServerCheckException("The server stopped before /health answered; its log ends:\n"
                    + $"{await target.LogTailAsync(server, cancellationToken).ConfigureAwait(false)}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new ServerCheckException($"The server did not answer /health within {timeout.TotalSeconds:0} s; its log ends:\n"
                    + $"{await target.LogTailAsync(server, cancellationToken).ConfigureAwait(false)}");
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? text : throw new ServerCheckException($"The new server answered /{path} with {(int)response.StatusCode}: {text}");
    }
}
