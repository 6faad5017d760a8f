using System.IO.Compression;
using MlOps.Models.Bundles;
using MlOps.Models.Schema;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

/// <summary>A small bundle's contents, and the means to take a written bundle apart and put it back together changed.</summary>
internal static class SampleBundle
{
    public static readonly byte[] Model = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 251))];

    public static BundleContents Contents() => new()
    {
        Model = Model,
        Schema = new ModelSchema(
            [new("id", ColumnKind.Id), new("income", ColumnKind.Numeric), new("purpose", ColumnKind.Categorical), new("default", ColumnKind.Boolean)],
            Label: "default",
            Positive: "yes"),
        Metrics = new Dictionary<string, double> { ["log_loss"] = 0.41, ["auc"] = 0.875 },
        Provenance = TestBundle.Provenance("3") with { RunId = "7f3a", Created = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero) },
    };

    /// <summary>Writes the sample bundle, signed with <paramref name="pem"/>, into <paramref name="folder"/>.</summary>
    public static string WriteTo(string folder, string pem = TestKeys.A)
    {
        using var key = SigningKey.FromPem(pem);
        var path = Path.Combine(folder, "model.mlbundle");
        ModelBundle.Write(path, Contents(), key);
        return path;
    }

    /// <summary>The zip's entries in order, with their bytes.</summary>
    public static List<KeyValuePair<string, byte[]>> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return [.. zip.Entries.Select(e => KeyValuePair.Create(e.FullName, Read(e)))];
    }

    /// <summary>The bytes of entry <paramref name="name"/>.</summary>
    public static byte[] Entry(string path, string name) => Entries(path).Single(e => e.Key == name).Value;

    /// <summary>Rewrites the zip at <paramref name="path"/> with its entries changed by <paramref name="change"/>.</summary>
    public static void Edit(string path, Action<List<KeyValuePair<string, byte[]>>> change)
    {
        var entries = Entries(path);
        change(entries);
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    /// <summary>Replaces the bytes of entry <paramref name="name"/>.</summary>
    public static void Replace(this List<KeyValuePair<string, byte[]>> entries, string name, Func<byte[], byte[]> change)
    {
        var index = entries.FindIndex(e => e.Key == name);
        entries[index] = KeyValuePair.Create(name, change(entries[index].Value));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
