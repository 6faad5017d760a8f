using System.Globalization;
using MlOps.Tasks;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;

namespace MlOps.MSBuild;

/// <summary>
/// ValidateData: the table against the schema and the expectations; writes validation.json and profile.json. Each failed expectation
/// is an error (a warning for severity warning) at the data file's line of its first unexpected value, else where it is declared.
/// </summary>
public sealed class ValidateData : PipelineTask
{
    /// <inheritdoc />
    protected override void Run(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var outcome = DataValidation.Run(new DataValidationRequest { Workspace = workspace, Force = Force, Progress = Checkpoint<long>() });
        if (outcome.Report is not { } report)
        {
            Say($"ValidateData: unchanged, {outcome.Note}", important: true);
            return;
        }

        var seconds = Math.Max(report.Duration.TotalSeconds, 1e-9);
        Say(string.Create(CultureInfo.InvariantCulture, $"ValidateData: {report.File}: {report.Rows:N0} rows in {seconds:0.00}s ({report.Rows / seconds:N0} rows/s)"));
        var errors = Errors(workspace);
        var cells = new DataCells(Path.Combine(workspace.RepositoryRoot, report.File), report.File, workspace.Pipeline);
        foreach (var result in report.Results.Where(r => !r.Success))
        {
            var declared = result.Location is { } where ? $" (declared at {where})" : "";
            var message = $"{result.Expectation}: {result.Summary}{declared}";
            var location = result.PartialUnexpected.Count > 0 ? cells.Locate(result.Column, result.PartialUnexpected[0].Line) : LocationText.Parse(result.Location);
            if (result.Severity == Severity.Error)
            {
                errors.Error(ErrorCodes.GateRefused, location, message);
            }
            else
            {
                errors.Warning(ErrorCodes.GateRefused, location, message);
            }
        }

        Say($"ValidateData: {outcome.Note}", important: true);
        if (outcome.Refusal is { } refusal)
        {
            Refuse(refusal);
        }
    }

    private void Refuse(string refusal)
    {
        if (!Log.HasLoggedErrors)
        {
            throw new QualityGateException(refusal);
        }

        Say(refusal, important: true);
    }
}
