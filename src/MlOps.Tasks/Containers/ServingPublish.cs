namespace MlOps.Tasks.Containers;

/// <summary>The self-contained publish of MlOps.Serving that goes into the image.</summary>
public static class ServingPublish
{
    /// <summary>
    /// The <see cref="Data.FolderHash"/> of the publish in <paramref name="folder"/>, its files' hashes remembered by
    /// size and time unless <paramref name="forget"/>.
    /// </summary>
    /// <exception cref="ContainerException">The folder holds no server executable.</exception>
    public static Data.FolderDigest Sha256(string folder, bool forget = false)
    {
        if (!File.Exists(Path.Combine(folder, ImageBuilder.ServerExecutable)))
        {
            throw new ContainerException(
                $"{folder} holds no {ImageBuilder.ServerExecutable}; build the build program again (it publishes the server there), "
                + $"or publish it with `dotnet publish src/MlOps.Serving -c Release -r linux-x64 --self-contained -o {folder}`.");
        }

        return Data.FolderHash.Remembered(folder, forget);
    }
}
