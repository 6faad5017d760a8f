using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
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
        var outcome = DataValidation.Run(new DataValidationRequest
        {
            Workspace = context.Workspace,
            Force = context.Force,
            Progress = new RowProgress(context.Log, "ValidateData"),
        });
        if (outcome.Report is not { } report)
        {
            context.ReportUnchanged(outcome.Note);
            return;
        }

        Log(context, report);
        context.Note(outcome.Note);
        if (outcome.Refusal is { } refusal)
        {
            throw new QualityGateException(refusal);
        }
    }

    private static void Log(BuildContext context, ValidationReport report)
    {
        var rate = report.Rows / Math.Max(report.Duration.TotalSeconds, 1e-9);
        context.Log.Information($"{report.File}: {report.Rows:N0} rows in {report.Duration.TotalSeconds:0.00}s ({rate:N0} rows/s)");
        foreach (var result in report.Results.Where(r => !r.Success))
        {
            var error = result.Severity == Severity.Error;
            var message = $"  {(error ? "FAILED " : "warning")} {result.Expectation}: {result.Summary} ({result.Location})";
            if (error)
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
