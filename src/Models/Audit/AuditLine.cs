namespace MlOps.Models.Audit;

/// <summary>One line of a log file, without its newline.</summary>
/// <param name="Number">1-based, in its file.</param>
/// <param name="Bytes">The line's bytes; valid until the next line is read.</param>
/// <param name="IsComplete">Whether a newline ends it; only a file's last line can lack one.</param>
internal readonly record struct AuditLine(long Number, ReadOnlyMemory<byte> Bytes, bool IsComplete);
