using System.Globalization;

namespace MlOps.Build.Host;

/// <summary>
/// GitHub Actions' workflow commands: <c>::group::</c>/<c>::endgroup::</c> around each task, <c>::error</c> and <c>::warning</c>
/// with the file relative to <paramref name="workspace"/> (GITHUB_WORKSPACE), and the job summary appended to
/// <paramref name="summaryFile"/> (GITHUB_STEP_SUMMARY) as Markdown. No groups when <paramref name="groups"/> is false (a build
/// inside another's group: GitHub does not nest them).
/// </summary>
internal sealed class GitHubActions(string workspace, string repositoryRoot, string? summaryFile, bool groups = true) : CiService
{
    public override string Name => "GitHub Actions";

    public override string? StartGroup(string task) => groups ? $"::group::{EscapeData(task)}" : null;

    public override string? EndGroup(string task) => groups ? "::endgroup::" : null;

    public override string? Annotate(CiAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var properties = new List<string>();
        if (annotation.Location is { } location)
        {
            properties.Add($"file={EscapeProperty(RelativeFile(workspace, repositoryRoot, location.File))}");
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={location.Line}"));
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={location.Column}"));
        }

        if (annotation.Title is { } title)
        {
            properties.Add($"title={EscapeProperty(title)}");
        }

        var command = annotation.Severity == CiSeverity.Error ? "error" : "warning";
        return $"::{command}{(properties.Count == 0 ? "" : " " + string.Join(',', properties))}::{EscapeData(annotation.Message)}";
    }

    public override bool HasSummary => summaryFile is not null;

    public override bool AppendSummary(string markdown)
    {
        if (summaryFile is null)
        {
            return false;
        }

        File.AppendAllText(summaryFile, markdown);
        return true;
    }

    /// <summary>A command's message: <c>%</c>, CR and LF escaped, as the runner unescapes them.</summary>
    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>, which end a property.</summary>
    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
