namespace MlOps.Tasks.Expectations;

/// <summary>One value of the current row, parsed once for every expectation on its column.</summary>
internal readonly ref struct Cell(ReadOnlySpan<char> text, bool isMissing, double? number, long row, long line)
{
    public ReadOnlySpan<char> Text { get; } = text;

    public bool IsMissing { get; } = isMissing;

    /// <summary>The value as a finite number, for columns whose expectations need one.</summary>
    public double? Number { get; } = number;

    /// <summary>0-based data row (GX's index).</summary>
    public long Row { get; } = row;

    /// <summary>1-based line in the file.</summary>
    public long Line { get; } = line;
}
