namespace MlOps.Models.Audit;

/// <summary>
/// What the scoring server records about one scored request. <see cref="AuditLog"/> adds the
/// sequence number and the hash chain.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>When the request was scored; written with its offset, to the 100 ns.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The request's id, as the server gave it to the client.</summary>
    public required string RequestId { get; init; }

    /// <summary>The model's name, e.g. <c>credit-scoring</c>.</summary>
    public required string ModelName { get; init; }

    /// <summary>The registered version that scored the request, e.g. <c>3</c>.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The lowercase hex sha256 of the model bundle file that scored the request.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>
    /// The deployment that served the request (its key in the tracking store, or a Kubernetes Deployment's name), or null
    /// when the server was started by hand; left out of the record when null, so logs written before it still verify.
    /// </summary>
    public string? Deployment { get; init; }

    /// <summary>The image the server ran from (its registry digest, or its id <c>sha256:…</c>), or null when it ran as a process; left out when null.</summary>
    public string? ImageDigest { get; init; }

    /// <summary>Who asked (the authenticated user), or null when the request was anonymous.</summary>
    public string? User { get; init; }

    /// <summary>The lowercase hex sha256 of the request's inputs, so they can be matched without being stored.</summary>
    public required string InputSha256 { get; init; }

    /// <summary>The score of each row, in the order of the request; finite numbers only.</summary>
    public required IReadOnlyList<double> Scores { get; init; }

    /// <summary>The decision threshold the scores were compared with.</summary>
    public required double Threshold { get; init; }

    /// <summary>How long scoring took, in milliseconds.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>
    /// The raw inputs as one serialized JSON object, written into the record as it is (line breaks
    /// between tokens become spaces); null, the default, leaves them out, because inputs may hold
    /// personal data.
    /// </summary>
    public string? Inputs { get; init; }
}
