using System.Security.Cryptography;

namespace MlOps.Tasks.Storage;

/// <summary>The length, sha256 and MD5 of a file, read once.</summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="Sha256">Lower-case hex sha256.</param>
/// <param name="Md5">The MD5 digest's bytes (S3's Content-MD5 header is their base64).</param>
internal sealed record FileDigest(long Size, string Sha256, byte[] Md5)
{
    /// <summary>Reads <paramref name="path"/> in 1 MiB blocks.</summary>
    public static async Task<FileDigest> OfAsync(string path, CancellationToken cancellation)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
            size += read;
        }

        return new FileDigest(size, Convert.ToHexStringLower(sha256.GetHashAndReset()), md5.GetHashAndReset());
    }
}
