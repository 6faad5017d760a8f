using System.Collections.Concurrent;
using System.Net;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Serving.Tests.Audit;

/// <summary>A server killed with SIGKILL under load: every prediction a client received is in the audit log.</summary>
[Category("Slow")]
public sealed class AuditKillTests
{
    private const int Clients = 16;
    private const int Trials = 5;

    private static string Body(int i) =>
        $$"""{"dataframe_records": [{{string.Join(", ", Enumerable.Range(i, 20).Select(TestModel.Record))}}]}""";

    [Test]
    public async Task Should_Have_Logged_Every_Answered_Prediction_When_Killed_Under_Load()
    {
        // Given: one audit log, continued by a new server after each kill
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];
        var answered = new ConcurrentBag<string>();
        var random = new Random(16);
        for (var trial = 0; trial < Trials; trial++)
        {
            await using var server = await ServerProcess.StartAsync(TestModel.PublicKey, "--port=0", $"--audit_log={log}", "--audit_inputs=true");
            using var stop = new CancellationTokenSource();
            var load = new Load(server, 100 + random.Next(400), answered, stop);

            // When: the server is killed the moment a client has its answer, mid-load
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => load.RunAsync($"t{trial}-c{c}")));
        }

        // Then: no answer left the server before its record reached the operating system
        var logged = AuditLogReader.Read(log).Select(p => p.RequestId).ToHashSet(StringComparer.Ordinal);
        var lost = answered.Where(id => !logged.Contains(id)).ToList();
        Assert.That(answered, Has.Count.GreaterThan(Trials * 100), "the clients got answers before each kill");
        Assert.That(lost, Is.Empty, $"{lost.Count} of {answered.Count} answered requests have no audit record");
    }

    /// <summary>Clients that post requests with their own ids, and kill the server when the <paramref name="killAt"/>th answer arrives.</summary>
    private sealed class Load(ServerProcess server, int killAt, ConcurrentBag<string> answered, CancellationTokenSource stop)
    {
        private int answers;

        public async Task RunAsync(string client)
        {
            await Task.Yield();
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"{client}-{i}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(Body(i), System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Request-Id", id);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        answered.Add(id);
                        if (Interlocked.Increment(ref answers) == killAt)
                        {
                            server.Kill();
                            await stop.CancelAsync();
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    // Killed: the requests in flight get no answer, and need no record.
                    return;
                }
            }
        }
    }
}
