using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// Clients that post the same rows to <c>/invocations</c> over and over, each request with its own
/// <c>X-Request-Id</c>, and remember the ids of the requests the server answered (200 with the whole body read).
/// </summary>
internal sealed class PredictionLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> clients;
    private readonly HttpClient http;
    private int sent;

    private PredictionLoad(Uri address, string body, string prefix, int clients)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        this.clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => PostAsync(body, prefix)))];
    }

    /// <summary>The request ids the server answered.</summary>
    public ConcurrentBag<string> Answered { get; } = [];

    /// <summary>How many requests failed (refused, reset, not 200).</summary>
    public int Failed => failed;

    private int failed;

    /// <summary>Starts <paramref name="clients"/> clients against <paramref name="address"/>; request ids start with <paramref name="prefix"/>.</summary>
    public static PredictionLoad Start(Uri address, string body, string prefix, int clients) => new(address, body, prefix, clients);

    /// <summary>Waits until the server has answered <paramref name="count"/> requests; false if it has not within a minute.</summary>
    public async Task<bool> AnsweredAsync(int count)
    {
        for (var waited = 0; waited < 600 && Answered.Count < count; waited++)
        {
            await Task.Delay(100);
        }

        return Answered.Count >= count;
    }

    /// <summary>Stops the clients and waits for the requests under way.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        http.Dispose();
        stop.Dispose();
    }

    private async Task PostAsync(string body, string prefix)
    {
        while (!stop.IsCancellationRequested)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Interlocked.Increment(ref sent)}");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/invocations", UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "text/csv"),
            };
            request.Headers.Add("X-Request-Id", id);
            try
            {
                // Not cancelled by stop: a request under way is finished, so that an answer is never mistaken for none.
                using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                if (answer.StatusCode == HttpStatusCode.OK && answer.Headers.TryGetValues("X-Request-Id", out var echoed) && echoed.Single() == id)
                {
                    Answered.Add(id);
                    continue;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // Refused or reset: the server was killed.
            }

            Interlocked.Increment(ref failed);
            await Task.Delay(50);
        }
    }
}
