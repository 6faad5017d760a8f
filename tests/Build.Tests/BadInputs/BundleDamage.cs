using System.IO.Compression;
using MlOps.Models.Bundles;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// The ways a case damages a registered bundle: <c>truncate</c>, <c>empty</c>, <c>not-zip</c>,
/// <c>edit:&lt;entry&gt;</c> (one byte of it changed), <c>drop:&lt;entry&gt;</c>, <c>add:&lt;entry&gt;</c>,
/// <c>other-key</c> (the same contents signed by another key) and <c>other-version</c> (validly signed by the
/// store's own key, but not the bundle the registry recorded for the version).
/// </summary>
internal static class BundleDamage
{
    /// <summary>Damages the bundle at <paramref name="path"/>; <paramref name="keyFile"/> is the store's signing key.</summary>
    public static void Apply(string damage, string path, string keyFile)
    {
        var (how, entry) = damage.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (damage[..colon], damage[(colon + 1)..]) : (damage, "");
        var bytes = File.ReadAllBytes(path);
        switch (how)
        {
            case "truncate":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "not-zip":
                File.WriteAllText(path, "{\"model\": \"not a zip\"}\n");
                break;
            case "edit" or "drop" or "add":
                Rezip(path, how, entry);
                break;
            case "other-key":
            case "other-version":
                Resign(path, keyFile, how == "other-key");
                break;
            default:
                throw new ArgumentException($"Unknown bundle damage '{damage}'.", nameof(damage));
        }
    }

    private static void Rezip(string path, string how, string name)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        if (how == "add")
        {
            using var added = new StreamWriter(zip.CreateEntry(name).Open());
            added.Write("{}\n");
            return;
        }

        var entry = zip.GetEntry(name) ?? throw new ArgumentException($"The bundle has no entry '{name}'.", nameof(name));
        if (how == "drop")
        {
            entry.Delete();
            return;
        }

        using var stream = entry.Open();
        var content = new MemoryStream();
        stream.CopyTo(content);
        var bytes = content.ToArray();
        bytes[bytes.Length / 2] ^= 0x01;
        stream.SetLength(0);
        stream.Position = 0;
        stream.Write(bytes);
    }

    private static void Resign(string path, string keyFile, bool otherKey)
    {
        using var storeKey = SigningKey.FromPem(File.ReadAllText(keyFile));
        var bundle = ModelBundle.Open(path, storeKey.PublicKey);
        using var model = new MemoryStream();
        using (var stream = bundle.OpenModel())
        {
            stream.CopyTo(model);
        }

        var contents = new BundleContents
        {
            Model = model.ToArray(),
            Schema = bundle.Schema,
            Metrics = bundle.Metrics,
            Provenance = bundle.Provenance with { ModelVersion = otherKey ? bundle.Provenance.ModelVersion : "99", RunId = "0000" + bundle.Provenance.RunId[4..] },
        };
        using var other = otherKey ? SigningKey.Generate() : null;
        ModelBundle.Write(path, contents, other ?? storeKey);
    }
}
