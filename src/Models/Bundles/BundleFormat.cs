using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MlOps.Models.Bundles;

/// <summary>The layout of a model bundle, format 1: entry names, JSON conventions, fixed zip metadata.</summary>
internal static class BundleFormat
{
    public const int Version = 1;

    public const string Algorithm = "ECDSA-P256-SHA256";

    public const string Metrics = "metrics.json";

    public const string Model = "model.zip";

    public const string Provenance = "provenance.json";

    public const string Schema = "schema.json";

    public const string Manifest = "manifest.json";

    public const string Signature = "signature.json";

    /// <summary>The entries the manifest lists, in the order it lists them (ordinal by name).</summary>
    public static readonly IReadOnlyList<string> Payload = [Metrics, Model, Provenance, Schema];

    /// <summary>The time stamp of every entry: the zip format's earliest, so equal contents give equal bytes.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The JSON of every entry: snake_case, indented with \n on every platform.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteOnlyWhatReadsBack } },
    };

    /// <summary>Entries are text or already compressed: model.zip is stored as it is, the rest deflated.</summary>
    public static CompressionLevel Compression(string entry) =>
        entry == Model ? CompressionLevel.NoCompression : CompressionLevel.Optimal;

    // Computed properties (ModelSchema.Features) would store a second copy of a fact that can disagree with the first.
    private static void WriteOnlyWhatReadsBack(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
