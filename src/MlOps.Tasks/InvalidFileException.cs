
namespace MlOps.Tasks;

/// <summary>
/// A file the build reads (a pipeline file, a .dvc pointer) is malformed (exit code 2); the message
/// starts with file:line:column.
/// </summary>
public sealed class InvalidFileException(SourceLocation location, string problem)
    : Exception($"{location}: {problem}")
{
    /// <summary>Where in the file the problem is.</summary>
    public SourceLocation Location { get; } = location;
}
