using MlOps.Tasks;

namespace MlOps.Build.Host;

/// <summary>
/// A message the CI service shows beside the job, and beside the line of the file it names: the host's <c>Error:</c> line,
/// a failed gate check, a failed data expectation.
/// </summary>
/// <param name="Severity">An error or a warning.</param>
/// <param name="Message">What the user reads.</param>
/// <param name="Title">A short title (the task), or null.</param>
/// <param name="Location">Where in which file (relative to the repository root), or null.</param>
internal sealed record CiAnnotation(CiSeverity Severity, string Message, string? Title = null, SourceLocation? Location = null);
