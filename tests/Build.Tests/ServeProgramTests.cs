using System.Net;
using System.Text;
using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>The Serve target as a user meets it: the gated model over HTTP until stopped, an audit log that verifies.</summary>
[Category("Slow")]
public sealed class ServeProgramTests
{
    private static async Task WaitHealthyAsync(HttpClient client, RunningBuild serve)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < MlOps.Testing.TestTimeLimits.ServerStart)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the server did not become healthy: {serve.Stop().Output}");
    }

    [Test]
    public async Task Should_Serve_The_Staging_Version_Until_Stopped_And_Leave_A_Verifiable_Audit_Log()
    {
        // Given
        using var build = BuildProgram.QuickSample();
        var gated = build.Run("--target=BiasCheck");
        Assert.That(gated.ExitCode, Is.Zero, gated.Output + gated.Errors);
        var port = MlOps.Tasks.ServerProcesses.LoopbackPort.Free();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var (body, recorded) = build.HeldOutRows(5);

        // When
        using var serve = build.Launch("--target=Serve", $"--port={port}");
        await WaitHealthyAsync(client, serve);
        var version = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement;
        var scored = await client.PostAsync(new Uri("/invocations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/csv"));
        var predictions = JsonDocument.Parse(await scored.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions");
        var stopped = serve.Stop();
        var audit = build.Run("--target=VerifyAudit");

        // Then
        Assert.That(version.GetProperty("version").GetString(), Is.EqualTo("1"));
        Assert.That(scored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(predictions.EnumerateArray().Select(p => p.GetProperty("score").GetDouble()), Is.EqualTo(recorded).Within(1e-6),
            "the server scores held-out rows as Validate did");
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Output + stopped.Errors);
        Assert.That(stopped.Output, Does.Contain($"Serve: credit-scoring v1 [candidate, staging] on http://127.0.0.1:{port}"));
        Assert.That(audit.ExitCode, Is.Zero, audit.Output + audit.Errors);
        Assert.That(audit.Output, Does.Contain("1 record in 1 file, chain intact"));
        await Assert.ThatAsync(() => client.GetAsync(new Uri("/health", UriKind.Relative)), Throws.InstanceOf<HttpRequestException>(), "no server outlives the build");
    }

    [Test]
    public void Should_Say_What_To_Do_When_Nothing_Is_Trained()
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run("--target=Serve");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Does.Contain("Error: 'credit-scoring' has no version to serve: none is 'staging' or 'candidate' yet; run ./build.sh to train and gate one."));
    }

    [TestCase("--port=http", "Error: --port=http is not a port number; expected 1 to 65535.")]
    [TestCase("--version=v9", "Error: 'v9' names no registered version of 'credit-scoring' (v2, 2, latest or an alias such as staging); "
        + "run ./build.sh --target=Models to list them.")]
    public void Should_Name_A_Bad_Argument(string argument, string message)
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run("--target=Serve", argument);

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Does.Contain(message));
    }
}
