using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Data;

namespace MlOps.Tasks.Expectations;

/// <summary>ValidateData: the table against the schema and the expectations, reused while its fingerprint is unchanged.</summary>
public static class DataValidation
{
    /// <summary>Validates the table and writes validation.json and the baseline profile.json, unless the last validation still holds.</summary>
    /// <exception cref="UsageException">The table is a folder or does not exist.</exception>
    public static DataValidationOutcome Run(DataValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (pipeline, root, artifacts) = (request.Workspace.Pipeline, request.Workspace.RepositoryRoot, request.Workspace.ArtifactsFolder);
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        var path = Path.Combine(root, table);
        if (Directory.Exists(path))
        {
            throw new UsageException($"{table} is a folder; set data.table in {pipeline.File} to the CSV file to validate.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{table} does not exist; run ./build.sh --target=PullData to restore {pipeline.Data.Path}, or fix data.table in {pipeline.File}.");
        }

        var validation = Path.Combine(artifacts, ArtifactNames.DataValidation);
        var profile = Path.Combine(artifacts, ArtifactNames.Profile);
        var fingerprint = ValidationFingerprint.Of(pipeline, root, table).Value;
        if (IsReusable(request.Force, request.Force ? null : ValidationJson.PreviousSuccess(validation), fingerprint, File.Exists(profile)) is { } previous)
        {
            return new DataValidationOutcome { Reused = true, Note = $"{previous} (validated before)" };
        }

        var report = TableValidator.Validate(path, table, pipeline.Data, pipeline.Schema, pipeline.Expectations, request.Progress);
        var pointerFile = Path.Combine(root, pipeline.Data.Path + ".dvc");
        var dataMd5 = File.Exists(pointerFile) ? DataPointer.Read(pointerFile, pipeline.Data.Path + ".dvc").Md5 : null;
        var failures = report.Failures.Count();
        var warnings = report.Warnings.Count();
        var summary = $"{report.Rows:N0} rows, {report.Results.Count - failures - warnings}/{report.Results.Count} passed"
            + (warnings > 0 ? $", {warnings} warning{(warnings > 1 ? "s" : "")}" : "");
        ArtifactJson.Write(profile, report.Profile);
        ArtifactJson.Write(validation, ValidationJson.Document(report, dataMd5, pipeline.File, fingerprint, summary));
        var refusal = failures == 0 ? null
            : $"{table}: {failures} of {report.Results.Count} expectations failed (listed above; details in {Path.GetRelativePath(root, validation)}).";
        return new DataValidationOutcome { Note = summary, Report = report, Refusal = refusal };
    }

    /// <summary>
    /// The summary of the last validation when it can stand for this one: not forced, it passed with the same
    /// fingerprint, and its profile is still there. Null when the table must be read again.
    /// </summary>
    internal static string? IsReusable(bool force, (string Fingerprint, string Summary)? previous, string fingerprint, bool profileExists) =>
        !force && previous is { } last && last.Fingerprint == fingerprint && profileExists ? last.Summary : null;
}
