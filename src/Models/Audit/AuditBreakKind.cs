namespace MlOps.Models.Audit;

/// <summary>How an audit log's chain is broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's hash does not match its contents: the record was changed after it was written.</summary>
    Edited,

    /// <summary>A record's <c>prev</c> is not the hash of the record before it: a record was removed, inserted or reordered.</summary>
    Unlinked,

    /// <summary>The hashes link up but <c>seq</c> does not go up by exactly 1: the log was rewritten.</summary>
    SequenceGap,

    /// <summary>A line is not an audit record: not JSON, or without <c>seq</c>, <c>prev</c> or <c>hash</c>.</summary>
    NotARecord,

    /// <summary>A file's last line has no newline: the writer stopped while writing it.</summary>
    Incomplete,

    /// <summary>A file does not start where the previous one ended: a rotated segment is missing.</summary>
    SegmentMissing,
}
