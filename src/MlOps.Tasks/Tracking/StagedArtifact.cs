using System.Security.Cryptography;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// A copy of a file, flushed to disk under a temporary name beside its destination and hashed while copied,
/// so that renaming it over the destination shows the complete file or nothing.
/// </summary>
internal sealed class StagedArtifact : IDisposable
{
    private StagedArtifact(string temporaryPath, string destination, long size, string sha256)
    {
        TemporaryPath = temporaryPath;
        Destination = destination;
        Size = size;
        Sha256 = sha256;
    }

    public string TemporaryPath { get; }

    public string Destination { get; }

    public long Size { get; }

    public string Sha256 { get; }

    /// <summary>Copies <paramref name="source"/> to a temporary file beside <paramref name="destination"/>.</summary>
    public static StagedArtifact Copy(string source, string destination)
    {
        var temporary = Artifacts.TemporaryFile.Beside(destination);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var to = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = from.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                to.Write(buffer, 0, read);
            }

            to.Flush(flushToDisk: true);
            return new StagedArtifact(temporary, destination, to.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Renames the copy over the destination.</summary>
    public void Publish() => File.Move(TemporaryPath, Destination, overwrite: true);

    /// <summary>Removes the copy if it was not published.</summary>
    public void Dispose() => File.Delete(TemporaryPath);
}
