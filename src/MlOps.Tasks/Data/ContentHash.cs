using System.Buffers;
using System.Security.Cryptography;

namespace MlOps.Tasks.Data;

/// <summary>MD5 of files and directories exactly as DVC computes them.</summary>
internal static class ContentHash
{
    private const int BufferSize = 1 << 20;

    /// <summary>Hashes a file or a directory (see <see cref="DirectoryManifest"/>).</summary>
    /// <param name="path">The file or directory.</param>
    /// <param name="legacy">Hash as DVC 2 did: text files with CRLF turned into LF.</param>
    /// <param name="state">Remembered md5s of unchanged files, if any.</param>
    public static TrackedContent Of(string path, bool legacy = false, HashState? state = null)
    {
        if (File.Exists(path))
        {
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            var md5 = state?.Md5OfFile(path, legacy) ?? Md5OfFile(path, legacy);
            return new TrackedContent(md5, new FileInfo(path).Length, FileCount: null, Manifest: null) { IsExecutable = executable };
        }

        if (Directory.Exists(path))
        {
            var manifest = DirectoryManifest.Build(path, legacy, state);
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
        // Pooled: a folder of many small files would otherwise allocate a large buffer per file.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var dos2unix = legacy && LegacyText.IsText(stream);
            int read;
            while ((read = stream.ReadAtLeast(buffer.AsSpan(0, BufferSize), BufferSize, throwOnEndOfStream: false)) > 0)
            {
                md5.AppendData(dos2unix ? LegacyText.Dos2Unix(buffer.AsSpan(0, read)) : buffer.AsSpan(0, read));
            }

            return Convert.ToHexStringLower(md5.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Lower-case hex SHA-256 of a file: how bundles are identified in the registry and the provenance chain.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Lower-case hex MD5 of bytes in memory.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "DVC's content addresses are md5; not used for security.")]
    public static string Md5Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
