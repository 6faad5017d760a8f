using System.Globalization;

namespace MlOps.Tasks.Audit;

/// <summary>An audit log whose chain is intact, as the VerifyAudit target reports it.</summary>
/// <param name="Log">The active file, relative to the repository when it is inside it.</param>
/// <param name="Records">The records, across all files.</param>
/// <param name="Files">The rotated segments and the active file.</param>
/// <param name="LastHash">The hash of the last record, or null when there is none.</param>
/// <param name="Incomplete">Lines a crash cut short (<c>file:line</c>): nothing was changed or lost around them, so they are warned of, not failed.</param>
public sealed record AuditLogSummary(string Log, long Records, int Files, string? LastHash, IReadOnlyList<string> Incomplete)
{
    /// <summary>The warning about <see cref="Incomplete"/> lines, or null when there are none.</summary>
    public string? Warning => Incomplete.Count == 0 ? null
        : $"Incomplete, from a crash while writing (the server continued the chain after each): {string.Join(", ", Incomplete)}.";

    /// <summary>For the task summary, e.g. <c>1,204 records, chain intact</c>.</summary>
    public string Note => $"{RecordCount}, chain intact";

    /// <summary>E.g. <c>Audit log .mlops/audit/predictions.jsonl: 1,204 records in 3 files, chain intact (last hash 3fa9…09c1).</c></summary>
    public override string ToString()
    {
        var files = Files == 1 ? "1 file" : string.Create(CultureInfo.InvariantCulture, $"{Files:N0} files");
        var last = LastHash is null ? "" : $" (last hash {LastHash[..4]}…{LastHash[^4..]})";
        return $"Audit log {Log}: {RecordCount} in {files}, chain intact{last}.";
    }

    private string RecordCount => Records == 1 ? "1 record" : string.Create(CultureInfo.InvariantCulture, $"{Records:N0} records");
}
