namespace MlOps.Tasks;

/// <summary>A place in a file, 1-based, printed as <c>file:line:column</c> as compilers do.</summary>
public sealed record SourceLocation(string File, long Line, long Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
