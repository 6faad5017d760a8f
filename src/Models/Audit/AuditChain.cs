using System.Security.Cryptography;

namespace MlOps.Models.Audit;

/// <summary>Walks a log's records in chain order, checking each one's hash and its links to the one before.</summary>
internal sealed class AuditChain : IDisposable
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<AuditBreak> breaks = [];
    private long lastSeq;

    /// <summary>The records that hold so far.</summary>
    public long Records { get; private set; }

    /// <summary>The hash of the last record that holds (zeros before the first).</summary>
    public string LastHash { get; private set; } = AuditRecord.ZeroHash;

    /// <summary>The breaks found so far, in chain order.</summary>
    public IReadOnlyList<AuditBreak> Breaks => breaks;

    /// <summary>Checks the next file of the chain; false when a break means nothing after it can be trusted.</summary>
    public bool Check(string file)
    {
        foreach (var line in AuditLines.Read(file))
        {
            if (Check(line) is { } problem)
            {
                breaks.Add(new AuditBreak(file, line.Number, problem.Kind, problem.Reason));
                // A torn last line is a crash; the writer continued the chain from the record before it.
                return problem.Kind == AuditBreakKind.Incomplete;
            }
        }

        return true;
    }

    public void Dispose() => sha256.Dispose();

    private (AuditBreakKind Kind, string Reason)? Check(AuditLine line)
    {
        if (!line.IsComplete)
        {
            return (AuditBreakKind.Incomplete, "the last line is incomplete (no newline ends it): the server stopped while writing it");
        }

        if (!AuditRecord.TrySplit(line.Bytes.Span, out var content, out var hash) || !AuditRecord.TryReadLinks(line.Bytes, out var seq, out var prev))
        {
            return (AuditBreakKind.NotARecord, "this line is not an audit record (one JSON object with seq, prev and hash): it was damaged or written by another program");
        }

        if (AuditRecord.HashOf(content, sha256) != hash)
        {
            return (AuditBreakKind.Edited, $"record {seq} was edited: its hash does not match its contents");
        }

        if (line.Number == 1 && seq > lastSeq + 1)
        {
            return (AuditBreakKind.SegmentMissing, $"{Range(lastSeq + 1, seq - 1)} missing before this file: a rotated segment was removed or renamed");
        }

        if (prev != LastHash)
        {
            return (AuditBreakKind.Unlinked,
                $"record {seq} is not linked to the record before it (its prev is not that record's hash): a record was removed, inserted or reordered");
        }

        if (seq != lastSeq + 1)
        {
            return (AuditBreakKind.SequenceGap, $"record {seq} follows record {lastSeq}: seq must go up by exactly 1, so the log was rewritten");
        }

        (lastSeq, LastHash) = (seq, hash);
        Records++;
        return null;
    }

    private static string Range(long first, long last) => first == last ? $"record {first} is" : $"records {first}–{last} are";
}
