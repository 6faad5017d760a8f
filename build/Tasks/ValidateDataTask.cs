using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Data;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;

namespace MlOps.Build.Tasks;

[TaskName("ValidateData")]
[TaskDescription("Check the data against the schema and the expectations (GX semantics); write validation.json and the baseline profile.")]
[IsDependentOn(typeof(CheckDataTask))]
internal sealed class ValidateDataTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var pipeline = context.Pipeline;
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        var path = Path.Combine(context.RepositoryRoot, table);
        if (Directory.Exists(path))
        {
            throw new UsageException($"{table} is a folder; set data.table in {pipeline.File} to the CSV file to validate.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{table} does not exist; run ./build.sh --target=PullData to restore {pipeline.Data.Path}, or fix data.table in {pipeline.File}.");
        }

        var validation = Path.Combine(context.ArtifactsFolder, "validation.json");
        var fingerprint = ValidationFingerprint.Of(pipeline, context.RepositoryRoot, table).Value;
        if (!context.Force && ValidationJson.PreviousSuccess(validation) is { } previous && previous.Fingerprint == fingerprint
            && File.Exists(Path.Combine(context.ArtifactsFolder, "profile.json")))
        {
            context.ReportUnchanged($"{previous.Summary} (validated before)");
            return;
        }

        var report = TableValidator.Validate(path, table, pipeline.Data, pipeline.Schema, pipeline.Expectations, new RowProgress(context.Log, "ValidateData"));
        var pointerFile = Path.Combine(context.RepositoryRoot, pipeline.Data.Path + ".dvc");
        var dataMd5 = File.Exists(pointerFile) ? DataPointer.Read(pointerFile, pipeline.Data.Path + ".dvc").Md5 : null;
        var failures = report.Failures.ToList();
        var warnings = report.Warnings.Count();
        var summary = $"{report.Rows:N0} rows, {report.Results.Count - failures.Count - warnings}/{report.Results.Count} passed"
            + (warnings > 0 ? $", {warnings} warning{(warnings > 1 ? "s" : "")}" : "");
        ArtifactJson.Write(Path.Combine(context.ArtifactsFolder, "profile.json"), report.Profile);
        ArtifactJson.Write(validation, ValidationJson.Document(report, dataMd5, pipeline.File, fingerprint, summary));
        Log(context, report);
        var output = Path.GetRelativePath(context.RepositoryRoot, validation);
        context.Note(summary);
        if (failures.Count > 0)
        {
            throw new QualityGateException($"{table}: {failures.Count} of {report.Results.Count} expectations failed (listed above; details in {output}).");
        }
    }

    private static void Log(BuildContext context, ValidationReport report)
    {
        var rate = report.Rows / Math.Max(report.Duration.TotalSeconds, 1e-9);
        context.Log.Information($"{report.File}: {report.Rows:N0} rows in {report.Duration.TotalSeconds:0.00}s ({rate:N0} rows/s)");
        foreach (var result in report.Results.Where(r => !r.Success))
        {
            var level = result.Severity == Severity.Error ? "FAILED " : "warning";
            var message = $"  {level} {result.Expectation}: {result.Summary} ({result.Location})";
            if (result.Severity == Severity.Error)
            {
                context.Log.Error(message);
            }
            else
            {
                context.Log.Warning(message);
            }
        }

        context.Log.Verbose($"  {report.Results.Count(r => r.Success)} expectations passed.");
    }
}
