using System.IO.Compression;
using System.Text.Json;

namespace MlOps.Models.Bundles;

/// <summary>Writes a model bundle: same contents and key, same bytes but for the signature's.</summary>
internal static class BundleWriter
{
    /// <summary>Writes the bundle to <paramref name="path"/> atomically; returns the file's sha256.</summary>
    public static string Write(string path, BundleContents contents, SigningKey key)
    {
        var payload = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal)
        {
            [BundleFormat.Metrics] = Json(new SortedDictionary<string, double>(contents.Metrics.ToDictionary(), StringComparer.Ordinal)),
            [BundleFormat.Model] = contents.Model,
            [BundleFormat.Provenance] = Json(contents.Provenance),
            [BundleFormat.Schema] = Json(contents.Schema),
        };
        var entries = payload.Select(p => new BundleEntry(p.Key, p.Value.Length, Hex.Sha256(p.Value.Span))).ToList();
        var manifest = Json(new BundleManifest(BundleFormat.Version, entries));
        var signature = Json(new BundleSignature(BundleFormat.Algorithm, key.KeyId, Convert.ToBase64String(key.Sign(manifest))));

        var zip = Zip([.. payload, new(BundleFormat.Manifest, manifest), new(BundleFormat.Signature, signature)]);
        WriteAtomically(path, zip);
        return Hex.Sha256(zip);
    }

    // Ends in a newline, as text files do, so that `unzip -p model.mlbundle manifest.json` reads well.
    private static byte[] Json<T>(T value) => [.. JsonSerializer.SerializeToUtf8Bytes(value, BundleFormat.Json), (byte)'\n'];

    private static byte[] Zip(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, BundleFormat.Compression(name));
                entry.LastWriteTime = BundleFormat.EntryTime;
                using var stream = entry.Open();
                stream.Write(bytes.Span);
            }
        }

        return buffer.ToArray();
    }

    // A reader (a server starting, a deployment) sees the old bundle or the new one, never half of either.
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
