using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// One Deploy or Rollback per environment at a time: an exclusive lock on <c>&lt;store&gt;/deployments/&lt;environment&gt;.lock</c>, released
/// when the process ends; on a team store also the store's lock of the environment, which excludes the other machines that use it.
/// </summary>
internal static class EnvironmentLock
{
    /// <exception cref="Containers.ContainerException">Another Deploy or Rollback to the environment holds it.</exception>
    public static IDisposable Take(DeployRequest request) => Take(request.Store, request.Environment);

    /// <exception cref="Containers.ContainerException">Another Deploy or Rollback to the environment, here or on another machine, holds it.</exception>
    public static IDisposable Take(StoreLocation store, string environment)
    {
        var here = TryTake(store.Folder, environment, out var path)
            ?? throw new Containers.ContainerException($"Another Deploy or Rollback to '{environment}' is running (it holds {path}); wait for it to finish.");
        try
        {
            var everywhere = TrackingStore.HoldEnvironment(store, environment)
                ?? throw new Containers.ContainerException($"Another Deploy or Rollback to '{environment}' is running on another machine " +
                    $"(it holds the environment's lock in {store.Display}); wait for it to finish.");
            return new Both(here, everywhere);
        }
        catch
        {
            here.Dispose();
            throw;
        }
    }

    /// <summary>The lock, or null while another process holds it.</summary>
    public static FileStream? TryTake(string storeFolder, string environment, out string path)
    {
        path = Path.Combine(storeFolder, "deployments", environment + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class Both(FileStream here, IDisposable everywhere) : IDisposable
    {
        public void Dispose()
        {
            everywhere.Dispose();
            here.Dispose();
        }
    }
}
