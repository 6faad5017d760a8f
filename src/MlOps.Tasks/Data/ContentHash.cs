using System.Security.Cryptography;

namespace MlOps.Tasks.Data;

/// <summary>MD5 of files and directories exactly as DVC computes them.</summary>
public static class ContentHash
{
    private const int BufferSize = 1 << 20;

    /// <summary>Hashes a file or a directory (see <see cref="DirectoryManifest"/>).</summary>
    /// <param name="path">The file or directory.</param>
    /// <param name="legacy">Hash as DVC 2 did: text files with CRLF turned into LF.</param>
    public static TrackedContent Of(string path, bool legacy = false)
    {
        if (File.Exists(path))
        {
            return new TrackedContent(Md5OfFile(path, legacy), new FileInfo(path).Length, FileCount: null, Manifest: null);
        }

        if (Directory.Exists(path))
        {
            var manifest = DirectoryManifest.Build(path, legacy);
            return new TrackedContent(manifest.Md5 + ".dir", manifest.Size, manifest.Entries.Count, manifest);
        }

        throw new FileNotFoundException($"'{path}' does not exist.", path);
    }

    /// <summary>Lower-case hex MD5 of a file, streamed in 1 MiB blocks.</summary>
    /// <param name="path">The file.</param>
    /// <param name="legacy">Hash as DVC 2 did: if the file looks like text, CRLF becomes LF first.</param>
    public static string Md5OfFile(string path, bool legacy = false)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[BufferSize];
        var dos2unix = legacy && LegacyText.IsText(stream);
        int read;
        while ((read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            if (dos2unix)
            {
                md5.AppendData(LegacyText.Dos2Unix(buffer.AsSpan(0, read)));
            }
            else
            {
                md5.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>Lower-case hex MD5 of bytes in memory.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "DVC's content addresses are md5; not used for security.")]
    public static string Md5Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
