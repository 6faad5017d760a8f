namespace MlOps.Models.Audit;

/// <summary>
/// Where an existing log's chain ends, so that a writer continues it. A partial last line (a crash
/// while writing) is never appended to nor cut off: the file is rotated away as it is, and the chain
/// continues from the last complete record.
/// </summary>
/// <param name="LastSeq">The seq of the last complete record, 0 for a new log.</param>
/// <param name="LastHash">Its hash, zeros for a new log.</param>
/// <param name="ActiveFirstSeq">The seq of the active file's first record, which names it when it is rotated.</param>
internal sealed record AuditResume(long LastSeq, string LastHash, long ActiveFirstSeq)
{
    /// <summary>Reads the end of the log at <paramref name="path"/>, rotating a torn active file away.</summary>
    /// <exception cref="InvalidDataException">The record to continue from, or the active file's first line, is not an audit record.</exception>
    public static AuditResume Prepare(string path)
    {
        if (!File.Exists(path))
        {
            return After(EndOfSegments(path));
        }

        var (last, torn) = AuditLines.ReadEnd(path);
        var end = last is null ? EndOfSegments(path) : Read(path, last, "last complete line");
        if (!torn)
        {
            return last is null ? After(end) : end with { ActiveFirstSeq = FirstSeq(path) };
        }

        File.Move(path, AuditSegments.NameFor(path, last is null ? end.LastSeq + 1 : FirstSeq(path)));
        return After(end);
    }

    // The chain's end in the newest rotated segment that holds a complete record.
    private static AuditResume EndOfSegments(string path)
    {
        foreach (var segment in AuditSegments.Rotated(path).Reverse())
        {
            if (AuditLines.ReadEnd(segment).LastComplete is { } last)
            {
                return Read(segment, last, "last complete line");
            }
        }

        return new AuditResume(0, AuditRecord.ZeroHash, 1);
    }

    private static AuditResume After(AuditResume end) => end with { ActiveFirstSeq = end.LastSeq + 1 };

    private static long FirstSeq(string path) => Read(path, AuditLines.FirstComplete(path)!, "first line").LastSeq;

    private static AuditResume Read(string file, byte[] line, string which)
    {
        if (!AuditRecord.TrySplit(line, out _, out var hash) || !AuditRecord.TryReadLinks(line, out var seq, out _))
        {
            throw new InvalidDataException(
                $"{file}: the audit log cannot be continued: its {which} is not an audit record; "
                + "verify the log, and move the damaged file aside to continue from the files before it.");
        }

        return new AuditResume(seq, hash, seq + 1);
    }
}
