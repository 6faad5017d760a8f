using MlOps.Models.Audit;

namespace MlOps.Tasks.Audit;

/// <summary>Verifies the scoring server's prediction audit log, and says what to do when its chain is broken.</summary>
public sealed class AuditLogCheck(string repositoryRoot)
{
    /// <summary>Where the server writes the log by default: <c>&lt;store&gt;/audit/predictions.jsonl</c>.</summary>
    public static string DefaultLog(string storeFolder) => Path.Combine(storeFolder, "audit", "predictions.jsonl");

    /// <summary>Verifies the log whose active file is <paramref name="log"/>, with its rotated segments.</summary>
    /// <param name="log">The active file, relative to the repository root or absolute.</param>
    /// <exception cref="UsageException">There is no log there.</exception>
    /// <exception cref="InvalidFileException">
    /// The chain is broken; the message names the file and line, and the next step. Lines a crash cut
    /// short are not breaks on their own: the summary lists them.
    /// </exception>
    public AuditLogSummary Verify(string log)
    {
        var full = Path.GetFullPath(log, repositoryRoot);
        AuditVerification verification;
        try
        {
            verification = AuditLogVerifier.Verify(full);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"There is no audit log at {Display(full)} (nor rotated segments beside it). "
                + "The scoring server writes it when MLOPS_AUDIT_LOG is set or `./build.sh --target=Serve` runs; give another log with --log=<file>.");
        }

        if (verification.Breaks.Any(b => b.Kind != AuditBreakKind.Incomplete))
        {
            throw Broken(verification.Breaks);
        }

        var incomplete = verification.Breaks.Select(b => $"{Display(b.File)}:{b.Line}").ToList();
        return new AuditLogSummary(Display(full), verification.Records, verification.Files.Count, verification.LastHash, incomplete);
    }

    // A record changed after a crash matters more than the crash: name the break, and the torn lines beside it.
    private InvalidFileException Broken(IReadOnlyList<AuditBreak> breaks)
    {
        var worst = breaks.First(b => b.Kind != AuditBreakKind.Incomplete);
        var torn = breaks.Where(b => b != worst).Select(b => $"{Display(b.File)}:{b.Line}").ToList();
        var also = torn.Count == 0 ? "" : $" Also incomplete, from a crash while writing: {string.Join(", ", torn)}.";
        return new InvalidFileException(new SourceLocation(Display(worst.File), worst.Line, 1), $"{worst.Reason}; {NextStep(worst.Kind)}.{also}");
    }

    private static string NextStep(AuditBreakKind kind) => kind switch
    {
        AuditBreakKind.SegmentMissing => "restore the missing segment from a backup (records after the break cannot be trusted)",
        _ => "restore the file from a backup (records after the break cannot be trusted)",
    };

    private string Display(string path)
    {
        var relative = Path.GetRelativePath(repositoryRoot, path);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside ? path : relative;
    }
}
