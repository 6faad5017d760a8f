using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlOps.Tasks.Artifacts;

/// <summary>Machine-readable outputs under artifacts/: snake_case JSON, indented, written atomically.</summary>
public static class ArtifactJson
{
    /// <summary>The options every artifact is written with.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The artifact at <paramref name="path"/> as a <typeparamref name="T"/>, or null when there is no such file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">The path to name in an error (relative to the repository), when not <paramref name="path"/>.</param>
    /// <param name="writer">The task that writes it, for the error: "the metrics.json Train writes".</param>
    /// <param name="fix">The command that writes it again, for the error.</param>
    /// <exception cref="InvalidFileException">It is not what <paramref name="writer"/> writes: names its line and column.</exception>
    public static T? ReadIfExists<T>(string path, string? shownAs, string writer, string fix)
        where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidFileException(new SourceLocation(shownAs ?? path, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1),
                $"it is not the {Path.GetFileName(shownAs ?? path)} {writer} writes ({e.Message}); run {fix}.");
        }
    }

    /// <summary>Serialises <paramref name="value"/> to <paramref name="path"/> (temp file + rename).</summary>
    public static void Write(string path, object value) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options));
}
