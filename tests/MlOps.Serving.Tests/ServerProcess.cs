using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MlOps.Serving.Tests;

/// <summary>The scoring server as its own process (dotnet MlOps.Serving.dll) on a free loopback port, serving <see cref="TestModel"/>.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Runs the server to its end: for servers that refuse to start.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string publicKey, string port = "--port=0", IDictionary<string, string>? environment = null)
    {
        var start = Start(publicKey, port);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.ServerStart);
        var (output, error) = (process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the server and waits until it says where it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string publicKey, params string[] settings)
    {
        var process = Process.Start(Start(publicKey, settings is [] ? ["--port=0"] : settings))!;
        using var timeout = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.ServerStart);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new ServerProcess(process, new Uri(match.Groups[1].Value));
            }
        }

        throw new InvalidOperationException($"The server stopped before listening: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    /// <summary>Kills the server with SIGKILL at once, as <c>kill -9</c> or the OOM killer would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static ProcessStartInfo Start(string publicKey, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "MlOps.Serving.dll"), $"--bundle={TestModel.Bundle}", $"--public_key={publicKey}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    [GeneratedRegex(@" on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
