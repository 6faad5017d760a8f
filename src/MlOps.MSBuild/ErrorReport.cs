using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlOps.Tasks;

namespace MlOps.MSBuild;

/// <summary>
/// Errors and warnings as MSBuild lines, <c>file(line,column): error MLOPS002: …</c>, which IDEs and <c>dotnet build</c> show
/// against the file; paths the library gives relative to the repository become full paths.
/// </summary>
/// <param name="log">The task's log.</param>
/// <param name="repositoryRoot">The repository the library's paths are relative to.</param>
public sealed class ErrorReport(TaskLoggingHelper log, string repositoryRoot)
{
    /// <summary>Logs <paramref name="exception"/> as one error, at its file, line and column when it carries them.</summary>
    public void Failure(Exception exception)
    {
        var failure = ErrorCodes.Unwrap(exception);
        var code = ErrorCodes.For(failure);
        if (failure is InvalidFileException invalid)
        {
            var prefix = invalid.Location + ": ";
            var problem = invalid.Message.StartsWith(prefix, StringComparison.Ordinal) ? invalid.Message[prefix.Length..] : invalid.Message;
            Error(code, invalid.Location, problem);
        }
        else
        {
            Error(code, null, failure.Message);
        }

        if (code == ErrorCodes.TaskFailed)
        {
            log.LogMessage(MessageImportance.Low, "{0}", failure.ToString());
        }
    }

    /// <summary>Logs an error with <paramref name="code"/> at <paramref name="location"/> (the project when null).</summary>
    public void Error(string code, SourceLocation? location, string message) =>
        log.LogError(null, code, null, FileOf(location), LineOf(location), ColumnOf(location), 0, 0, "{0}", message);

    /// <summary>Logs a warning with <paramref name="code"/> at <paramref name="location"/> (the project when null).</summary>
    public void Warning(string code, SourceLocation? location, string message) =>
        log.LogWarning(null, code, null, FileOf(location), LineOf(location), ColumnOf(location), 0, 0, "{0}", message);

    private string? FileOf(SourceLocation? location) =>
        location is null ? null : Path.IsPathRooted(location.File) ? location.File : Path.GetFullPath(Path.Combine(repositoryRoot, location.File));

    private static int LineOf(SourceLocation? location) => (int)Math.Clamp(location?.Line ?? 0, 0, int.MaxValue);

    private static int ColumnOf(SourceLocation? location) => (int)Math.Clamp(location?.Column ?? 0, 0, int.MaxValue);
}
