using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests;

/// <summary>A test repository whose deployments are stopped at the end: every server and container its store recorded.</summary>
internal sealed class Deployed : IDisposable
{
    private readonly BuildProgram build;

    private Deployed(BuildProgram build, int localPort, int dockerPort)
    {
        this.build = build;
        (LocalPort, DockerPort) = (localPort, dockerPort);
    }

    /// <summary>The port environment <c>local</c> answers on.</summary>
    public int LocalPort { get; }

    /// <summary>The port environment <c>docker</c> answers on.</summary>
    public int DockerPort { get; }

    public BuildProgram Build => build;

    /// <summary>The quick sample with each environment on a free port, and the pipeline file's text changed by <paramref name="changes"/>.</summary>
    public static Deployed QuickSample(params (string From, string To)[] changes)
    {
        var (local, docker) = (MlOps.Tasks.ServerProcesses.LoopbackPort.Free(), MlOps.Tasks.ServerProcesses.LoopbackPort.Free());
        return new Deployed(BuildProgram.QuickSample([
            ("    kind: local\n", $"    kind: local\n    port: {local}\n"),
            ("    kind: docker\n", $"    kind: docker\n    port: {docker}\n"),
            .. changes]), local, docker);
    }

    /// <summary>Changes to the quick sample that make <c>local</c> the production environment instead of <c>docker</c>.</summary>
    public static (string From, string To)[] LocalIsProduction { get; } =
        [("    kind: local\n", "    kind: local\n    production: true\n"), ("    production: true ", "    production: false ")];

    /// <summary>The deployments recorded for an environment, oldest first.</summary>
    public IReadOnlyList<DeploymentRecord> History(string environment)
    {
        using var store = TrackingStore.Open(Store);
        return store.Deployments.Of("credit-scoring", environment);
    }

    // The program's store: MLOPS_STORE when the test set it (a team store), else .mlops.
    private StoreLocation Store => StoreLocation.Resolve(build.Repository.Path, null, build.Environment.GetValueOrDefault(StoreLocation.StoreVariable));

    public void Dispose()
    {
        if (Directory.Exists(build.Repository[".mlops"]))
        {
            var local = new LocalTarget();
            foreach (var deployment in History("local").Where(d => d.RunsAs is not null))
            {
                local.StopAsync(Deployer.Running(deployment), CancellationToken.None).GetAwaiter().GetResult();
            }

            // Servers its store did not record (a Deploy killed before recording them) are found by their command line.
            foreach (var pid in Processes(build.Repository.Path))
            {
                Kill(pid);
            }

            using var docker = new DockerClientConfiguration(MlOps.Tasks.Containers.DockerDaemon.Endpoint).CreateClient();
            foreach (var deployment in History("docker").Where(d => d.RunsAs is not null))
            {
                try
                {
                    docker.Containers.RemoveContainerAsync(deployment.RunsAs, new ContainerRemoveParameters { Force = true }).GetAwaiter().GetResult();
                }
                catch (DockerContainerNotFoundException)
                {
                    // Stopped by a later deployment.
                }
            }
        }

        build.Dispose();
    }

    /// <summary>The ids of the processes whose command line contains <paramref name="text"/>, e.g. a deployment folder.</summary>
    public static IReadOnlyList<int> Processes(string text)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && pid != System.Environment.ProcessId)
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(text, StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Ended meanwhile, or another user's.
                }
            }
        }

        return found;
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
