using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlOps.Models.Audit;
using MlOps.Models.Tables;
using MlOps.Serving.Requests;

namespace MlOps.Serving.Audit;

/// <summary>
/// The prediction audit trail: one hash-chained record per scored request (MLOPS_AUDIT_LOG), with the
/// raw inputs only when MLOPS_AUDIT_INPUTS is true. Off when no log is configured.
/// </summary>
internal sealed class PredictionAudit(AuditLog? log, ServedModel model, ServingOptions options) : IAsyncDisposable
{
    /// <summary>Opens the log (when one is configured) before the server listens.</summary>
    /// <exception cref="StartupException">The log cannot be written or continued, or another server writes it.</exception>
    public static PredictionAudit Open(ServedModel model, ServingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var log = options.AuditLog is { } path ? AuditLog.Open(new AuditLogOptions { Path = path, MaxBytes = options.AuditMaxBytes }) : null;
            return new PredictionAudit(log, model, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new StartupException($"Refusing to serve without the audit log {options.AuditLog} (MLOPS_AUDIT_LOG): {e.Message}");
        }
    }

    /// <summary>Where the log is, or null when auditing is off.</summary>
    public string? Path => options.AuditLog;

    /// <summary>Why the log stopped writing, or null while it writes (or is off).</summary>
    public Exception? Failure => log?.Failure;

    public ValueTask RecordAsync(HttpContext http, string requestId, ScoringRequest request, double[] scores, TimeSpan elapsed)
    {
        if (log is null)
        {
            return ValueTask.CompletedTask;
        }

        var provenance = model.Bundle.Provenance;
        return log.AppendAsync(new AuditEntry
        {
            Time = DateTimeOffset.UtcNow,
            RequestId = requestId,
            ModelName = provenance.ModelName,
            ModelVersion = provenance.ModelVersion,
            BundleSha256 = model.Bundle.Sha256,
            Deployment = options.Deployment,
            ImageDigest = options.ImageDigest,
            // With a key, the caller is whoever holds it; without, the address it called from.
            User = options.ApiKey is not null ? "api-key" : http.Connection.RemoteIpAddress?.ToString(),
            InputSha256 = Convert.ToHexStringLower(SHA256.HashData(request.Body.Span)),
            Scores = scores,
            Threshold = request.Threshold,
            LatencyMs = elapsed.TotalMilliseconds,
            Inputs = options.AuditInputs ? Inputs(request.Rows) : null,
        }, http.RequestAborted);
    }

    public ValueTask DisposeAsync() => log?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The rows as pandas' split orientation, <c>{"columns": [...], "data": [[...], ...]}</c>; missing values as null.</summary>
    private static string Inputs(TableData rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("columns");
            foreach (var column in rows.Columns)
            {
                json.WriteStringValue(column.Name);
            }

            json.WriteEndArray();
            json.WriteStartArray("data");
            for (var row = 0; row < rows.RowCount; row++)
            {
                json.WriteStartArray();
                foreach (var column in rows.Columns)
                {
                    Write(json, column, row);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter json, TableColumn column, int row)
    {
        switch (column)
        {
            case NumberColumn number when !float.IsNaN(number.Values[row]):
                json.WriteNumberValue(number.Values[row]);
                break;
            case TextColumn text when text.Values[row].Length > 0:
                json.WriteStringValue(text.Values[row]);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
