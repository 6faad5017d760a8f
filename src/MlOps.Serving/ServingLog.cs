namespace MlOps.Serving;

/// <summary>The server's log messages.</summary>
internal static partial class ServingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Model} v{Version} (bundle {Sha256}) on {Urls}")]
    public static partial void Serving(this ILogger log, string model, string version, string sha256, string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction audit log is off: set MLOPS_AUDIT_LOG to a file to keep one record per request")]
    public static partial void AuditOff(this ILogger log);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring request {RequestId} failed")]
    public static partial void ScoringFailed(this ILogger log, Exception exception, string requestId);
}
