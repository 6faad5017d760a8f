namespace MlOps.Models.Audit;

/// <summary>Where and how an audit log's chain is broken.</summary>
/// <param name="File">The log file, named as the verifier found it (beside the path it was given).</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>.</param>
/// <param name="Kind">What kind of break it is.</param>
/// <param name="Reason">What is wrong, for people, without the file and line; no final period.</param>
public sealed record AuditBreak(string File, long Line, AuditBreakKind Kind, string Reason)
{
    /// <summary><c>file:line: reason.</c>, e.g. <c>audit/predictions.jsonl:17: record 17 was edited: its hash does not match its contents.</c></summary>
    public string Message => $"{File}:{Line}: {Reason}.";

    /// <inheritdoc />
    public override string ToString() => Message;
}
