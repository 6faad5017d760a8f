namespace MlOps.Models.Audit;

/// <summary>What <see cref="AuditLogVerifier.Verify"/> found.</summary>
public sealed record AuditVerification
{
    /// <summary>The records whose hash and links were checked and hold, up to the break that stopped the check if any.</summary>
    public required long Records { get; init; }

    /// <summary>The log's files in chain order: rotated segments by number, then the active file.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The hash of the last record that holds, or null when there is none.</summary>
    public required string? LastHash { get; init; }

    /// <summary>
    /// Every break found, in chain order. The check steps over an incomplete last line (a crash:
    /// the writer continues the chain from the record before it in a new file) and stops at any
    /// other break, so that one, if any, is last.
    /// </summary>
    public required IReadOnlyList<AuditBreak> Breaks { get; init; }

    /// <summary>The first break in chain order, or null when the chain is intact.</summary>
    public AuditBreak? FirstBreak => Breaks.Count > 0 ? Breaks[0] : null;

    /// <summary>Whether every line of every file is a record that links to the one before it.</summary>
    public bool IsIntact => Breaks.Count == 0;
}
