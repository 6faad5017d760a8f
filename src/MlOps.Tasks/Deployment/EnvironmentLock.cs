namespace MlOps.Tasks.Deployment;

/// <summary>
/// One Deploy or Rollback per environment at a time: an exclusive lock on
/// <c>&lt;store&gt;/deployments/&lt;environment&gt;.lock</c>, released when the process ends.
/// </summary>
internal static class EnvironmentLock
{
    /// <exception cref="Containers.ContainerException">Another Deploy or Rollback to the environment holds it.</exception>
    public static FileStream Take(DeployRequest request) => Take(request.Store.Folder, request.Environment);

    /// <exception cref="Containers.ContainerException">Another Deploy or Rollback to the environment holds it.</exception>
    public static FileStream Take(string storeFolder, string environment) =>
        TryTake(storeFolder, environment, out var path)
        ?? throw new Containers.ContainerException($"Another Deploy or Rollback to '{environment}' is running (it holds {path}); wait for it to finish.");

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
}
