using System.Globalization;
using System.Net;
using MlOps.Models.Audit;

using MlOps.Models.Scoring;

namespace MlOps.Serving;

/// <summary>
/// The server's settings, from environment variables (<c>MLOPS_PORT=5080</c>) or the command line
/// (<c>--port=5080</c>); the command line wins.
/// </summary>
public sealed record ServingOptions
{
    /// <summary>The signed model bundle to serve (<c>MLOPS_BUNDLE</c>).</summary>
    public required string Bundle { get; init; }

    /// <summary>The PEM public key the bundle must be signed with (<c>MLOPS_PUBLIC_KEY</c>).</summary>
    public required string PublicKey { get; init; }

    /// <summary>The address to listen on (<c>MLOPS_BIND</c>, default 127.0.0.1).</summary>
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>The port to listen on (<c>MLOPS_PORT</c>, default 5080; 0 picks a free one).</summary>
    public int Port { get; init; } = ServingDefaults.LocalPort;

    /// <summary>
    /// Whether another server may listen on the same port at the same time (<c>MLOPS_REUSE_PORT</c>, default
    /// false; SO_REUSEPORT): a deployment starts its replacement beside the running server and stops the old one
    /// only once the new one is healthy, so the port never goes unanswered.
    /// </summary>
    public bool ReusePort { get; init; }

    /// <summary>
    /// A second loopback port that only this server listens on (<c>MLOPS_CHECK_PORT</c>; none when unset), so a
    /// deployment can check this server while it shares <see cref="Port"/> with the one it replaces.
    /// </summary>
    public int? CheckPort { get; init; }

    /// <summary>The largest request body accepted, in bytes (<c>MLOPS_MAX_BODY_BYTES</c>, default 10 MiB, at most 1 GiB); larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most rows one request may hold (<c>MLOPS_MAX_ROWS</c>, default 10,000); more get 413.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>The prediction audit log (<c>MLOPS_AUDIT_LOG</c>); none when unset.</summary>
    public string? AuditLog { get; init; }

    /// <summary>The size at which the audit log rotates (<c>MLOPS_AUDIT_MAX_BYTES</c>, default 100 MiB).</summary>
    public long AuditMaxBytes { get; init; } = AuditLogOptions.DefaultMaxBytes;

    /// <summary>Whether the audit log also keeps the raw inputs (<c>MLOPS_AUDIT_INPUTS</c>, default false: they may hold personal data).</summary>
    public bool AuditInputs { get; init; }

    /// <summary>
    /// The deployment this server is (<c>MLOPS_DEPLOYMENT</c>: Deploy passes its key in the tracking store, or on Kubernetes the
    /// Deployment's name); none when unset. Every audit record and <c>/version</c> name it.
    /// </summary>
    public string? Deployment { get; init; }

    /// <summary>
    /// The image this server runs from (<c>MLOPS_IMAGE_DIGEST</c>: its registry digest when pushed, else its id <c>sha256:…</c>); none when
    /// unset, as for a local process. Every audit record and <c>/version</c> name it.
    /// </summary>
    public string? ImageDigest { get; init; }

    /// <summary>The key clients must send as <c>Authorization: Bearer …</c> or <c>X-Api-Key</c> (<c>MLOPS_API_KEY</c>); none when unset.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Reads the settings; a missing or malformed one is a <see cref="StartupException"/> naming it.</summary>
    public static ServingOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ServingOptions
        {
            Bundle = Required(configuration, "BUNDLE", "the model bundle to serve, e.g. artifacts/credit-scoring/model.mlbundle"),
            PublicKey = Required(configuration, "PUBLIC_KEY", "the PEM public key the bundle is signed with, e.g. artifacts/credit-scoring/signing-key.pub.pem"),
            Bind = Parse(configuration, "BIND", IPAddress.Loopback, (string s, out IPAddress v) => IPAddress.TryParse(s, out v!), "an IP address such as 127.0.0.1"),
            Port = Parse(configuration, "PORT", ServingDefaults.LocalPort,
                (string s, out int v) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v <= 65535,
                "a port number from 0 to 65535"),
            ReusePort = Parse(configuration, "REUSE_PORT", false, bool.TryParse, "true or false"),
            CheckPort = Parse<int?>(configuration, "CHECK_PORT", null, TryCheckPort, "a port number from 1 to 65535"),
            MaxBodyBytes = Parse(configuration, "MAX_BODY_BYTES", 10L * 1024 * 1024, TryBodySize, "a number of bytes from 1 to 1073741824 (1 GiB)"),
            MaxRows = Parse(configuration, "MAX_ROWS", 10_000,
                (string s, out int v) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v > 0,
                "a number of rows greater than 0"),
            AuditLog = Optional(configuration, "AUDIT_LOG"),
            AuditMaxBytes = Parse(configuration, "AUDIT_MAX_BYTES", AuditLogOptions.DefaultMaxBytes,
                (string s, out long v) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v),
                "a number of bytes (0: never rotate)"),
            AuditInputs = Parse(configuration, "AUDIT_INPUTS", false, bool.TryParse, "true or false"),
            Deployment = Optional(configuration, "DEPLOYMENT"),
            ImageDigest = Optional(configuration, "IMAGE_DIGEST"),
            ApiKey = Optional(configuration, "API_KEY"),
        };
        return options.ReusePort && !OperatingSystem.IsLinux()
            ? throw new StartupException("MLOPS_REUSE_PORT=true needs Linux (SO_REUSEPORT); unset it on this system.")
            : options;
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static string? Optional(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : null;

    private static string Required(IConfiguration configuration, string name, string what) =>
        Optional(configuration, name)
        ?? throw new StartupException($"MLOPS_{name} is not set: it names {what}. Set it, or pass --{name.ToLowerInvariant()}=<path>.");

    private static T Parse<T>(IConfiguration configuration, string name, T fallback, TryParser<T> parse, string expected) =>
        Optional(configuration, name) is not { } text ? fallback
        : parse(text, out var value) ? value
        : throw new StartupException($"MLOPS_{name} is '{text}'; expected {expected}.");

    private static bool TryCheckPort(string text, out int? value)
    {
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;
        value = parsed ? port : null;
        return parsed;
    }

    private static bool TryBodySize(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is > 0 and <= 1L << 30;
}
