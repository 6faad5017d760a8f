using System.Collections.Concurrent;
using System.Diagnostics;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// A server program a test runs as a child process, with a temp folder of its own and the lines it prints (stdout and
/// stderr). Disposing it kills the process and deletes the folder. <see cref="LoopbackRegistry"/> and <see cref="LoopbackS3"/>
/// are made of one.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TestTimeLimits.Step;

    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    /// <summary>The server's folder, for its configuration and data; deleted on dispose.</summary>
    public TempDirectory Folder { get; } = new();

    /// <summary>What the program has printed so far.</summary>
    public string Output => string.Join('\n', output).Trim();

    /// <summary>
    /// Ignores the calling test when <paramref name="program"/> is absent, with the reason <c>"program is absent; remedy"</c>;
    /// fails it instead when <paramref name="requireVariable"/> is 1 (as in CI).
    /// </summary>
    public static void RequireProgram(string program, string requireVariable, string remedy)
    {
        if (File.Exists(program))
        {
            return;
        }

        var reason = $"{program} is absent; {remedy}";
        if (Environment.GetEnvironmentVariable(requireVariable) == "1")
        {
            Assert.Fail($"{requireVariable}=1 but {reason}");
        }

        Assert.Ignore(reason);
    }

    /// <summary>
    /// Starts <paramref name="start"/> with its output collected and waits as <see cref="WaitAnsweringAsync"/> does; if it
    /// does not come up, disposes this and rethrows.
    /// </summary>
    public async Task StartAsync(ProcessStartInfo start, Uri url, Func<HttpResponseMessage, bool> ready, string name, string awaited = "answer")
    {
        try
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await WaitAnsweringAsync(url, ready, name, awaited);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until an answer is <paramref name="ready"/>; fails the test with
    /// <c>"name exited with code N; it printed: …"</c> or <c>"name did not answer within N s; it printed: …"</c>, with
    /// <paramref name="awaited"/> in place of "answer".
    /// </summary>
    public async Task WaitAnsweringAsync(Uri url, Func<HttpResponseMessage, bool> ready, string name, string awaited = "answer")
    {
        var child = process ?? throw new InvalidOperationException("The server has not been started.");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && clock.Elapsed < StartTimeout)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (ready(response))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        if (child.HasExited)
        {
            // Also waits until its output is read to the end.
            await child.WaitForExitAsync();
        }

        var state = child.HasExited ? $"exited with code {child.ExitCode}" : $"did not {awaited} within {StartTimeout.TotalSeconds:0} s";
        Assert.Fail($"{name} {state}; it printed:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            process.Dispose();
            process = null;
        }

        Folder.Dispose();
    }
}
