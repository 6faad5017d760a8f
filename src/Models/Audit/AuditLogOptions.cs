namespace MlOps.Models.Audit;

/// <summary>Where an <see cref="AuditLog"/> writes, when it rotates, and how much it queues.</summary>
public sealed record AuditLogOptions
{
    /// <summary>100 MB: the default <see cref="MaxBytes"/>.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>10,000 records: the default <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>
    /// The active file, e.g. <c>/var/mlops/audit/predictions.jsonl</c>. Rotated segments are kept
    /// beside it as <c>predictions.000000000001.jsonl</c>, numbered by their first record.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>
    /// The size at which the active file is rotated before the next record is appended; 0 never
    /// rotates. Default 100 MB.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>How many records may wait to be written; when it is full, appending waits. Default 10,000.</summary>
    public int Capacity { get; init; } = DefaultCapacity;
}
