using System.Globalization;

namespace MlOps.Build.Host;

/// <summary>
/// Azure Pipelines' logging commands: <c>##[group]</c>/<c>##[endgroup]</c> around each task, and
/// <c>##vso[task.logissue]</c> with the file relative to <paramref name="sourcesDirectory"/> (BUILD_SOURCESDIRECTORY).
/// The exit code already fails the step, so no <c>task.complete</c>. No groups when <paramref name="groups"/> is false (a build
/// inside another's group: Azure does not nest them).
/// </summary>
internal sealed class AzurePipelines(string sourcesDirectory, string repositoryRoot, bool groups = true) : CiService
{
    public override string Name => "Azure Pipelines";

    public override string? StartGroup(string task) => groups ? $"##[group]{EscapeData(task)}" : null;

    public override string? EndGroup(string task) => groups ? "##[endgroup]" : null;

    public override string? Annotate(CiAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var properties = new List<string> { annotation.Severity == CiSeverity.Error ? "type=error" : "type=warning" };
        if (annotation.Location is { } location)
        {
            properties.Add($"sourcepath={EscapeProperty(RelativeFile(sourcesDirectory, repositoryRoot, location.File))}");
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"linenumber={location.Line}"));
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"columnnumber={location.Column}"));
        }

        return $"##vso[task.logissue {string.Join(';', properties)}]{EscapeData(annotation.Message)}";
    }

    /// <summary>A command's message, escaped as azure-pipelines-task-lib does: <c>%</c>, CR and LF.</summary>
    internal static string EscapeData(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: as <see cref="EscapeData"/>, and <c>;</c> and <c>]</c>, which end a property or the properties.</summary>
    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
}
