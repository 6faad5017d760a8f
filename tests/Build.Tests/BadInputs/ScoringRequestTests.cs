using System.Globalization;
using System.Text;
using System.Text.Json;
using MlOps.Testing;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// Malformed requests to the scoring server that Serve runs for the trained sample (BadInputs/http.yaml), sent
/// byte for byte: each gets its 4xx with RFC 7807 problem details naming the field, no stack trace, and changes
/// no file of the repository.
/// </summary>
[Category("Slow")]
[Category("BadInputs")]
public sealed class ScoringRequestTests
{
    private static IEnumerable<TestCaseData> HttpCases() => BadInputCorpus.Of("http");

    private BuildProgram build = null!;
    private RunningBuild serve = null!;
    private SampleRow row = null!;
    private int port;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        build = CorpusRepositories.CopyOf(CorpusRepositories.Trained);
        row = SampleRow.From(build.Repository["data/credit.csv"]);
        port = MlOps.Tasks.ServerProcesses.LoopbackPort.Free();
        serve = build.Launch("--target=Serve", $"--port={port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TestTimeLimits.ServerStart)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Assert.That(serve.HasExited, Is.False, "Serve ended before it answered /health");
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Serve did not answer /health within {TestTimeLimits.ServerStart}");
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        serve?.Stop();
        serve?.Dispose();
        build?.Dispose();
    }

    [TestCaseSource(nameof(HttpCases))]
    public async Task Should_Answer_A_Bad_Request_With_Problem_Details_Naming_The_Field(BadInput input)
    {
        // Given
        var body = BadInputCorpus.Bytes(input, row.Expand(input.Body));
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{input.Method} {input.Path} HTTP/1.1\nHost: 127.0.0.1:{port}\n");
        if (input.ContentType != "none")
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {input.ContentType}\n");
        }

        head.Append(input.ContentLength == "chunked" ? "Transfer-Encoding: chunked\n"
            : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {input.ContentLength ?? body.Length.ToString(CultureInfo.InvariantCulture)}\n"));
        foreach (var (name, value) in input.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\n");
        }

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var response = await RawHttp.SendAsync(port, head.ToString(), body);

        // Then
        Assert.That(response.Status, Is.EqualTo(input.Exit), response.Body);
        Assert.That(response.Headers.GetValueOrDefault("content-type"), Does.StartWith("application/problem+json"), response.Body);
        using var problem = JsonDocument.Parse(response.Body);
        var root = problem.RootElement;
        Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(input.Exit));
        if (input.Type is not null)
        {
            Assert.That(root.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:" + input.Type), response.Body);
        }

        Assert.That(root.GetProperty("detail").GetString(), Does.Contain(input.Place), "the place named");
        if (input.Message is not null)
        {
            Assert.That(root.GetProperty("detail").GetString(), Is.EqualTo(input.Message.TrimEnd()));
        }

        Assert.That(response.Body, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        Assert.That(serve.HasExited, Is.False, "the server still runs");
        var changed = RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, input.Changes);
        Assert.That(changed, Is.Empty, "files a refused request changed");
    }
}
