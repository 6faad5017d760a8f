namespace MlOps.Tasks.Expectations;

/// <summary>A value that broke an expectation, with its 0-based row (GX's index) and its line in the file.</summary>
public sealed record UnexpectedValue(string? Value, long Row, long Line);
