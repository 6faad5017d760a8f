namespace MlOps.Models.Audit;

/// <summary>Checks an audit log's hash chain across its rotated segments and finds where it breaks.</summary>
public static class AuditLogVerifier
{
    /// <summary>
    /// Verifies the log whose active file is <paramref name="path"/>, with the rotated segments
    /// beside it: every line must be a record whose hash matches its bytes, whose <c>prev</c> is the
    /// hash of the record before it (zeros for the first) and whose <c>seq</c> is one more.
    /// </summary>
    /// <param name="path">The active file, e.g. <c>/var/mlops/audit/predictions.jsonl</c>; it may be missing when segments exist.</param>
    /// <returns>
    /// The records that hold, the files, and the breaks; a log being written may show its newest file rotated away
    /// meanwhile, so verify again before trusting a break at the end.
    /// </returns>
    /// <exception cref="FileNotFoundException">Neither the file nor any rotated segment exists.</exception>
    public static AuditVerification Verify(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = AuditSegments.All(path);
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{path}: there is no audit log here (no such file, and no rotated segments beside it).", path);
        }

        using var chain = new AuditChain();
        foreach (var file in files)
        {
            if (!chain.Check(file))
            {
                break;
            }
        }

        return new AuditVerification
        {
            Records = chain.Records,
            Files = files,
            LastHash = chain.Records > 0 ? chain.LastHash : null,
            Breaks = chain.Breaks,
        };
    }
}
