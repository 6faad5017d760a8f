using System.IO.Compression;

namespace MlOps.Models.Bundles;

/// <summary>The checks that tie the entries to the trusted key: signature, manifest, hashes.</summary>
internal sealed partial class BundleReader
{
    private void VerifySignature(byte[] manifest, BundleSignature signature)
    {
        if (signature.Algorithm != BundleFormat.Algorithm)
        {
            throw Fail($"signed with {signature.Algorithm}, which this version cannot verify (it verifies {BundleFormat.Algorithm}); use the MlOps version that wrote it");
        }

        if (signature.KeyId != trusted.KeyId)
        {
            throw Fail($"signed by key {Hex.Abbreviate(signature.KeyId)}, but the trusted key is {Hex.Abbreviate(trusted.KeyId)}; "
                + "pass the public key that signed it, or sign the bundle with the trusted key");
        }

        var bytes = new byte[signature.Signature.Length];
        if (!Convert.TryFromBase64String(signature.Signature, bytes, out var length) || !trusted.Verifies(manifest, bytes.AsSpan(0, length)))
        {
            throw Fail($"the signature does not match {BundleFormat.Manifest} for key {Hex.Abbreviate(trusted.KeyId)}; "
                + $"the manifest or the signature was changed after signing: {Restore}");
        }
    }

    private BundleManifest ParseManifest(byte[] bytes)
    {
        var manifest = Parse<BundleManifest>(bytes, BundleFormat.Manifest);
        if (manifest.FormatVersion != BundleFormat.Version)
        {
            throw Fail($"bundle format {manifest.FormatVersion} is not supported (this version reads format {BundleFormat.Version}); use an MlOps version that reads it");
        }

        // Signed by the trusted key, so only a different writer can get this wrong; say so plainly all the same.
        var listed = manifest.Entries.Select(e => e.Name).ToList();
        if (!listed.SequenceEqual(BundleFormat.Payload, StringComparer.Ordinal))
        {
            throw Fail($"{BundleFormat.Manifest} is not valid (it lists {string.Join(", ", listed)}; "
                + $"format {BundleFormat.Version} has {string.Join(", ", BundleFormat.Payload)}); {Restore}");
        }

        return manifest;
    }

    private void CheckEntryNames(Dictionary<string, ZipArchiveEntry> entries, BundleManifest manifest)
    {
        var missing = manifest.Entries.Select(e => e.Name).FirstOrDefault(name => !entries.ContainsKey(name));
        if (missing is not null)
        {
            throw Fail($"entry {missing} is missing; the bundle was changed after signing: {Restore}");
        }

        var known = manifest.Entries.Select(e => e.Name).Append(BundleFormat.Manifest).Append(BundleFormat.Signature).ToHashSet(StringComparer.Ordinal);
        var extra = entries.Keys.Order(StringComparer.Ordinal).FirstOrDefault(name => !known.Contains(name));
        if (extra is not null)
        {
            throw Fail($"entry {extra} is not in the signed manifest; it was added after signing: {Restore}");
        }
    }

    private byte[] ReadVerified(ZipArchiveEntry entry, BundleEntry expected)
    {
        if (entry.Length != expected.Size)
        {
            throw Fail($"entry {expected.Name} was changed after signing (size {entry.Length}, expected {expected.Size}); {Restore}");
        }

        var bytes = ReadAtMost(entry, expected.Size)
            ?? throw Fail($"entry {expected.Name} is damaged (it holds more bytes than its zip header says); {Restore}");
        if (bytes.Length != expected.Size)
        {
            throw Fail($"entry {expected.Name} is damaged (it holds fewer bytes than its zip header says); {Restore}");
        }

        var sha256 = Hex.Sha256(bytes);
        if (sha256 != expected.Sha256)
        {
            throw Fail($"entry {expected.Name} was changed after signing (sha256 {Hex.Abbreviate(sha256)}, expected {Hex.Abbreviate(expected.Sha256)}); {Restore}");
        }

        return bytes;
    }
}
