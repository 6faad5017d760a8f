using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MlOps.Testing;

/// <summary>
/// Debian's docker-registry (distribution 2.8) as a child process on a free 127.0.0.1 port, with its own
/// config and storage in a temp folder, so that pushes reach nothing outside the machine. Disposing it
/// kills that process and deletes the folder. Without the program the calling test is ignored with
/// the reason, unless MLOPS_REQUIRE_DOCKER=1 (as in CI), which makes that a failure.
/// </summary>
public sealed class LoopbackRegistry : IAsyncDisposable
{
    public const string Program = "/usr/bin/docker-registry";

    private readonly ChildServer child;

    private LoopbackRegistry(ChildServer child, int port)
    {
        this.child = child;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The registry as image references name it: <c>127.0.0.1:port</c>.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the registry has printed (its log goes to stderr).</summary>
    public string Output => child.Output;

    /// <summary>A port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a registry and waits until <c>GET /v2/</c> answers 200.</summary>
    public static async Task<LoopbackRegistry> StartAsync()
    {
        ChildServer.RequireProgram(Program, "MLOPS_REQUIRE_DOCKER", "install Debian's docker-registry package for the registry tests.");
        var registry = new LoopbackRegistry(new ChildServer(), FreePort());
        await registry.child.StartAsync(registry.Serve(), new Uri($"http://{registry.Address}/v2/"), response => response.StatusCode == HttpStatusCode.OK,
            $"{Program} on {registry.Address}", awaited: "answer 200");
        return registry;
    }

    public ValueTask DisposeAsync() => child.DisposeAsync();

    /// <summary>Writes the config into the folder and says how to serve it.</summary>
    private ProcessStartInfo Serve()
    {
        var folder = child.Folder;
        var config = folder.Write("config.yml", $"""
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: {folder["storage"]}
              delete:
                enabled: true
            http:
              addr: {Address}
            """);
        var start = new ProcessStartInfo(Program);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);

        // REGISTRY_* variables override the config file, http.addr included.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        return start;
    }
}
