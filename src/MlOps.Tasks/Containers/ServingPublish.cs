using System.Security.Cryptography;
using System.Text;

namespace MlOps.Tasks.Containers;

/// <summary>The self-contained publish of MlOps.Serving that goes into the image.</summary>
public static class ServingPublish
{
    /// <summary>
    /// The SHA-256 over every file of <paramref name="folder"/>: its relative path (with /) and the
    /// SHA-256 of its bytes, in ordinal order of the paths. Changes when any file is added, removed or changed.
    /// </summary>
    /// <exception cref="ContainerException">The folder holds no server executable.</exception>
    public static string Sha256(string folder)
    {
        if (!File.Exists(Path.Combine(folder, ImageBuilder.ServerExecutable)))
        {
            throw new ContainerException(
                $"{folder} holds no {ImageBuilder.ServerExecutable}; build the build program again (it publishes the server there), or publish it with `dotnet publish src/MlOps.Serving -c Release -r linux-x64 --self-contained -o {folder}`.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            using var stream = File.OpenRead(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{Convert.ToHexStringLower(SHA256.HashData(stream))}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
