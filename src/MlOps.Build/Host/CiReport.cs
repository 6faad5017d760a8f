using MlOps.Tasks;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Build.Host;

/// <summary>
/// What the host tells the CI service when a run ends: an annotation, with file and line, for each failed gate check and data
/// expectation of this run, and the job summary. The host's <c>Error:</c> line gets its own (<see cref="ForFailure"/>).
/// </summary>
internal static class CiReport
{
    /// <summary>Writes the annotations of <paramref name="run"/> to <paramref name="output"/> and appends its summary, as <paramref name="ci"/> reads them.</summary>
    public static void Write(CiService ci, CiRun run, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(ci);
        ArgumentNullException.ThrowIfNull(output);
        if (ci == CiService.None)
        {
            return;
        }

        var artifacts = CiArtifacts.Read(run);
        foreach (var annotation in Annotations(run, artifacts))
        {
            if (ci.Annotate(annotation) is { } line)
            {
                output.WriteLine(line);
            }
        }

        if (!ci.HasSummary)
        {
            return;
        }

        try
        {
            ci.AppendSummary(CiSummary.Write(run, artifacts));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The summary is a report of the build, not part of it: the build's result stands.
            output.WriteLine(ci.Annotate(new CiAnnotation(CiSeverity.Warning, $"The job summary could not be written: {e.Message}")));
        }
    }

    /// <summary>The annotation of the host's <c>Error:</c> line, with the file and line when the exception names them.</summary>
    public static CiAnnotation ForFailure(Exception failure, string? task)
    {
        var exception = ExitCodes.Unwrap(failure);
        return new CiAnnotation(CiSeverity.Error, exception.Message, task, (exception as InvalidFileException)?.Location);
    }

    /// <summary>The failed checks of this run's gates: errors when the gate refused the build, warnings under --report-only.</summary>
    internal static IEnumerable<CiAnnotation> Annotations(CiRun run, CiArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifacts);
        foreach (var expectation in artifacts.Expectations.Where(e => !e.Success))
        {
            var severity = expectation.Severity == Severity.Error ? CiSeverity.Error : CiSeverity.Warning;
            yield return new CiAnnotation(severity, $"{expectation.Expectation}: {expectation.Summary}", "ValidateData", SourceLocation.Parse(expectation.Location));
        }

        if (run.Worked("Validate"))
        {
            var severity = run.Failed("Validate") ? CiSeverity.Error : CiSeverity.Warning;
            foreach (var check in artifacts.Validation?.Checks?.Where(c => !c.Passed) ?? [])
            {
                yield return new CiAnnotation(severity, check.Message, "Validate", SourceLocation.Parse(check.Location));
            }
        }

        if (run.Worked("BiasCheck") && run.Pipeline is { } pipeline)
        {
            var severity = run.Failed("BiasCheck") ? CiSeverity.Error : CiSeverity.Warning;
            foreach (var violation in artifacts.FairnessReport?.Violations ?? [])
            {
                yield return new CiAnnotation(severity, FairnessCheck.Describe(violation, pipeline.Fairness), "BiasCheck",
                    FairnessCheck.LocationOf(violation, pipeline.Fairness));
            }
        }
    }
}
