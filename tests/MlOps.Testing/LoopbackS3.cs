using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// s3rver (an npm package that answers S3's REST API from a folder; a stand-in for S3, not a copy of it) as a child process
/// on a free 127.0.0.1 port, with one bucket and its data in a temp folder, so that uploads reach nothing outside the machine.
/// Disposing it kills that process and deletes the folder. The program is MLOPS_S3RVER, else
/// <c>~/.cache/mlops-tools/node_modules/.bin/s3rver</c>; without it the calling test is ignored with the reason, unless
/// MLOPS_REQUIRE_S3=1 (as in CI), which makes that a failure.
/// </summary>
public sealed class LoopbackS3 : IAsyncDisposable
{
    /// <summary>s3rver's fixed credentials (it checks signatures made with them).</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>The secret that goes with <see cref="AccessKey"/>.</summary>
    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TestTimeLimits.Step;

    private readonly Process process;
    private readonly TempDirectory folder;
    private readonly ConcurrentQueue<string> output = new();

    private LoopbackS3(string program, int port, string bucket)
    {
        Port = port;
        Bucket = bucket;
        folder = new TempDirectory();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // s3rver 3.7 makes list continuation tokens with a cipher OpenSSL 3 (Node ≥ 17) leaves out by default: without the legacy
        // provider, any listing that stops short of the end (a one-key bucket probe, a page of 1,000) answers 500.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        foreach (var argument in new[] { "--directory", folder.Path, "--address", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--configure-bucket", bucket, "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The program the tests run: MLOPS_S3RVER, else the one <c>npm install --prefix ~/.cache/mlops-tools s3rver</c> installs.</summary>
    public static string Program =>
        Environment.GetEnvironmentVariable("MLOPS_S3RVER") is { Length: > 0 } given
            ? given
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlops-tools", "node_modules", ".bin", "s3rver");

    public int Port { get; }

    /// <summary>The bucket it was started with (others do not exist).</summary>
    public string Bucket { get; }

    /// <summary>Its S3 endpoint: <c>http://127.0.0.1:port</c>.</summary>
    public string Endpoint => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where it keeps the buckets' content (a folder per bucket).</summary>
    public string DataFolder => folder.Path;

    /// <summary>What it has printed (little: it runs with --silent).</summary>
    public string Output => string.Join('\n', output).Trim();

    /// <summary>The store URL of <paramref name="prefix"/> in the bucket: <c>s3://bucket/prefix</c>.</summary>
    public string Url(string prefix = "") => prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{prefix}";

    /// <summary>Starts s3rver with bucket <paramref name="bucket"/> and waits until <c>GET /</c> answers.</summary>
    public static async Task<LoopbackS3> StartAsync(string bucket = "mlops-test")
    {
        var program = Program;
        if (!File.Exists(program))
        {
            var reason = $"{program} is absent; install it with `npm install --prefix \"$HOME/.cache/mlops-tools\" s3rver@3.7.1` "
                + "or point MLOPS_S3RVER at it, for the S3 store tests.";
            if (Environment.GetEnvironmentVariable("MLOPS_REQUIRE_S3") == "1")
            {
                Assert.Fail($"MLOPS_REQUIRE_S3=1 but {reason}");
            }

            Assert.Ignore(reason);
        }

        var s3 = new LoopbackS3(program, LoopbackRegistry.FreePort(), bucket);
        try
        {
            await s3.WaitAnsweringAsync(program);
            return s3;
        }
        catch
        {
            await s3.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        folder.Dispose();
    }

    private async Task WaitAnsweringAsync(string program)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var root = new Uri(Endpoint + "/");
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < StartTimeout)
        {
            try
            {
                // Any answer will do (anonymous, it is 403): the server is listening.
                using var response = await http.GetAsync(root);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            // Also waits until its output is read to the end.
            await process.WaitForExitAsync();
        }

        var state = process.HasExited ? $"exited with code {process.ExitCode}" : $"did not answer within {StartTimeout.TotalSeconds:0} s";
        Assert.Fail($"{program} on {Endpoint} {state}; it printed:\n{Output}");
    }
}
