using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlOps.Models.Audit;

/// <summary>
/// The line format: <c>{"seq":…,&lt;body&gt;,"prev":"…","hash":"…"}\n</c>, where <c>hash</c> is the
/// sha256 of the line without its hash member (<c>{"seq":…,"prev":"…"}</c>). The verifier compares
/// bytes, so the writer and the reader of this format live here together.
/// </summary>
internal static class AuditRecord
{
    /// <summary>The <c>prev</c> of the first record of a log.</summary>
    public static readonly string ZeroHash = new('0', HashLength);

    private const int HashLength = 64;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdef"u8);

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdef");

    // Inputs may be nested as deep as the writer accepts (64), one level below the record itself.
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 128 };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // ,"hash":"<64 hex>"}
    private static ReadOnlySpan<byte> HashPrefix => ",\"hash\":\""u8;

    private static int HashMemberLength => HashPrefix.Length + HashLength + 2;

    /// <summary>The members between <c>seq</c> and <c>prev</c>, serialized, without braces.</summary>
    /// <exception cref="ArgumentException">A number is not finite, or the inputs are not one JSON object.</exception>
    public static byte[] Body(AuditEntry entry)
    {
        CheckFinite(entry);
        var buffer = new ArrayBufferWriter<byte>(256 + (entry.Inputs?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", entry.Time.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("request_id", entry.RequestId);
            json.WriteString("model", entry.ModelName);
            json.WriteString("version", entry.ModelVersion);
            json.WriteString("bundle_sha256", entry.BundleSha256);
            WriteOptional(json, "deployment", entry.Deployment);
            WriteOptional(json, "image_digest", entry.ImageDigest);
            json.WriteString("user", entry.User);
            json.WriteString("input_sha256", entry.InputSha256);
            json.WriteNumber("rows", entry.Scores.Count);
            json.WriteStartArray("scores");
            foreach (var score in entry.Scores)
            {
                json.WriteNumberValue(score);
            }

            json.WriteEndArray();
            json.WriteNumber("threshold", entry.Threshold);
            json.WriteNumber("latency_ms", entry.LatencyMs);
            if (entry.Inputs is not null)
            {
                json.WritePropertyName("inputs");
                WriteInputs(json, entry.Inputs);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan[1..^1].ToArray();
    }

    /// <summary>Appends the whole line of record <paramref name="seq"/>, newline included, and returns its hash.</summary>
    public static string Append(ArrayBufferWriter<byte> to, long seq, string prev, ReadOnlySpan<byte> body, IncrementalHash sha256)
    {
        var start = to.WrittenCount;
        to.Write("{\"seq\":"u8);
        var digits = to.GetSpan(20);
        seq.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        to.Advance(written);
        to.Write(","u8);
        to.Write(body);
        to.Write(",\"prev\":\""u8);
        Encoding.ASCII.GetBytes(prev, to.GetSpan(HashLength));
        to.Advance(HashLength);
        to.Write("\""u8);
        var hash = HashOf(to.WrittenSpan[start..], sha256);
        to.Write(HashPrefix);
        Encoding.ASCII.GetBytes(hash, to.GetSpan(HashLength));
        to.Advance(HashLength);
        to.Write("\"}\n"u8);
        return hash;
    }

    /// <summary>
    /// Splits a line (without its newline) into the hashed part (<c>{…,"prev":"…"</c>, without the
    /// closing brace) and the hash it claims; false when it does not end in a hash member.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> content, out string claimed)
    {
        content = default;
        claimed = "";
        if (line.Length < HashMemberLength + 1 || line[0] != (byte)'{' || !line[^2..].SequenceEqual("\"}"u8))
        {
            return false;
        }

        var member = line[^HashMemberLength..];
        var hex = member.Slice(HashPrefix.Length, HashLength);
        if (!member.StartsWith(HashPrefix) || hex.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        content = line[..^HashMemberLength];
        claimed = Encoding.ASCII.GetString(hex);
        return true;
    }

    /// <summary>The hash of a record: sha256 of <paramref name="content"/> followed by the closing brace.</summary>
    public static string HashOf(ReadOnlySpan<byte> content, IncrementalHash sha256)
    {
        sha256.AppendData(content);
        sha256.AppendData("}"u8);
        Span<byte> digest = stackalloc byte[32];
        sha256.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Reads <c>seq</c> (a whole number from 1) and <c>prev</c> (64 lowercase hex) of a whole line; false when it has neither.</summary>
    public static bool TryReadLinks(ReadOnlyMemory<byte> line, out long seq, out string prev)
    {
        (seq, prev) = (0, "");
        try
        {
            using var document = JsonDocument.Parse(line, ReaderOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("seq", out var seqMember) || seqMember.ValueKind != JsonValueKind.Number || !seqMember.TryGetInt64(out seq) || seq < 1
                || !root.TryGetProperty("prev", out var prevMember) || prevMember.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            prev = prevMember.GetString()!;
            return prev.Length == HashLength && !prev.AsSpan().ContainsAnyExcept(HexChars);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void CheckFinite(AuditEntry entry)
    {
        for (var i = 0; i < entry.Scores.Count; i++)
        {
            Finite(entry.Scores[i], $"{nameof(AuditEntry.Scores)}[{i}]");
        }

        Finite(entry.Threshold, nameof(AuditEntry.Threshold));
        Finite(entry.LatencyMs, nameof(AuditEntry.LatencyMs));
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} is {value.ToString(CultureInfo.InvariantCulture)}; an audit record holds finite numbers only.");
        }
    }

    // Members added after the first logs were written appear only when set, so a server without them writes what it always wrote.
    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteInputs(Utf8JsonWriter json, string inputs)
    {
        var raw = inputs.Trim();
        if (!raw.StartsWith('{'))
        {
            throw new ArgumentException("Inputs must be one serialized JSON object, e.g. {\"age\":42}.");
        }

        try
        {
            // Valid JSON has line breaks only between tokens, where a space means the same; a record is one line.
            json.WriteRawValue(raw.Replace('\r', ' ').Replace('\n', ' '));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Inputs must be one serialized JSON object: {e.Message}", e);
        }
    }
}
