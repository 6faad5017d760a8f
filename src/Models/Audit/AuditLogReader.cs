using System.Globalization;
using System.Text.Json;

namespace MlOps.Models.Audit;

/// <summary>Reads the scored requests back out of an audit log, across its rotated segments, oldest first.</summary>
public static class AuditLogReader
{
    /// <summary>
    /// Every complete record of the log whose active file is <paramref name="activePath"/>. A line a crash cut
    /// short is skipped (the chain's verifier reports it); the chain itself is not checked here (VerifyAudit does).
    /// </summary>
    /// <exception cref="InvalidDataException">A complete line is not a record; the message names file and line.</exception>
    public static IEnumerable<LoggedPrediction> Read(string activePath)
    {
        foreach (var file in AuditSegments.All(activePath))
        {
            foreach (var line in AuditLines.Read(file))
            {
                if (line.IsComplete && line.Bytes.Length > 0)
                {
                    yield return Parse(file, line);
                }
            }
        }
    }

    private static LoggedPrediction Parse(string file, AuditLine line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.Bytes);
            var root = document.RootElement;
            return new LoggedPrediction(
                file,
                line.Number,
                DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture),
                root.GetProperty("request_id").GetString()!,
                root.GetProperty("version").GetString()!,
                [.. root.GetProperty("scores").EnumerateArray().Select(s => s.GetDouble())],
                root.GetProperty("threshold").GetDouble(),
                root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object ? inputs.Clone() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            throw new InvalidDataException(
                string.Create(CultureInfo.InvariantCulture, $"{file}:{line.Number}: not an audit record ({e.Message}); run ./build.sh --target=VerifyAudit --log={file}."), e);
        }
    }
}
