using System.IO.Compression;
using System.Text.Json;
using MlOps.Models.Schema;

namespace MlOps.Models.Bundles;

/// <summary>
/// Opens a model bundle and verifies all of it before anything is used: the signature over the
/// manifest, then every entry against the manifest. Works on one in-memory copy of the file, so
/// what was verified is what is loaded.
/// </summary>
internal sealed partial class BundleReader(string path, PublicKey trusted)
{
    private const string Restore = "rebuild it or restore an intact copy";

    // manifest.json and signature.json are a few hundred bytes; the cap keeps a hostile zip from inflating them unread.
    private const int MetadataLimit = 1 << 20;

    /// <summary>Reads and verifies the bundle.</summary>
    /// <exception cref="BundleVerificationException">Anything about the bundle is wrong.</exception>
    public ModelBundle Read()
    {
        var file = ReadFile();
        using var zip = OpenZip(file);
        var entries = IndexEntries(zip);

        var manifestBytes = ReadMetadata(entries, BundleFormat.Manifest);
        var signature = Parse<BundleSignature>(ReadMetadata(entries, BundleFormat.Signature), BundleFormat.Signature);
        VerifySignature(manifestBytes, signature);
        var manifest = ParseManifest(manifestBytes);
        CheckEntryNames(entries, manifest);

        var payload = manifest.Entries.ToDictionary(e => e.Name, e => ReadVerified(entries[e.Name], e), StringComparer.Ordinal);
        return new ModelBundle(
            Parse<ModelSchema>(payload[BundleFormat.Schema], BundleFormat.Schema),
            Parse<Dictionary<string, double>>(payload[BundleFormat.Metrics], BundleFormat.Metrics).AsReadOnly(),
            Parse<BundleProvenance>(payload[BundleFormat.Provenance], BundleFormat.Provenance),
            payload[BundleFormat.Model],
            Hex.Sha256(file),
            signature.KeyId);
    }

    private BundleVerificationException Fail(string problem) => new(path, problem);

    private byte[] ReadFile()
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail("no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail($"cannot be read ({e.Message})");
        }

        return file.Length == 0 ? throw Fail("not a model bundle (the file is empty)") : file;
    }

    private ZipArchive OpenZip(byte[] file)
    {
        try
        {
            return new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            // Every zip starts with a local file header, or (when empty) the end record.
            var looksLikeZip = file.AsSpan().StartsWith("PK\x03\x04"u8) || file.AsSpan().StartsWith("PK\x05\x06"u8);
            throw Fail(looksLikeZip ? "not a model bundle (the zip file is truncated or damaged)" : "not a model bundle (not a zip file)");
        }
    }

    private Dictionary<string, ZipArchiveEntry> IndexEntries(ZipArchive zip)
    {
        IReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = zip.Entries;
        }
        catch (InvalidDataException)
        {
            throw Fail("not a model bundle (the zip file is truncated or damaged)");
        }

        // Two entries of one name would let the verified one and the loaded one differ.
        var twice = all.GroupBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Fail($"entry {twice.Key} appears {twice.Count()} times; the bundle was changed after signing: {Restore}");
        }

        var entries = all.ToDictionary(e => e.FullName, StringComparer.Ordinal);
        if (!entries.ContainsKey(BundleFormat.Manifest) && !entries.ContainsKey(BundleFormat.Signature))
        {
            throw Fail($"not a model bundle (a zip file without {BundleFormat.Manifest} and {BundleFormat.Signature})");
        }

        return entries;
    }

    private byte[] ReadMetadata(Dictionary<string, ZipArchiveEntry> entries, string name)
    {
        if (!entries.TryGetValue(name, out var entry))
        {
            throw Fail(name == BundleFormat.Signature
                ? $"the bundle is not signed (no {name}); {Restore}"
                : $"entry {name} is missing; the bundle was changed after signing: {Restore}");
        }

        return ReadAtMost(entry, MetadataLimit) ?? throw Fail($"entry {name} is larger than {MetadataLimit} bytes, too large to be a bundle's; {Restore}");
    }

    private T Parse<T>(byte[] json, string entry)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, BundleFormat.Json) ?? throw new JsonException("null where an object belongs");
        }
        catch (JsonException e)
        {
            throw Fail($"{entry} is not valid ({e.Message}); {Restore}");
        }
    }

    /// <summary>The entry's bytes, or null when it holds more than <paramref name="limit"/>.</summary>
    private byte[]? ReadAtMost(ZipArchiveEntry entry, long limit)
    {
        try
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if (bytes.Length + read > limit)
                {
                    return null;
                }

                bytes.Write(buffer, 0, read);
            }

            return bytes.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw Fail($"entry {entry.FullName} is damaged ({e.Message}); {Restore}");
        }
    }
}
