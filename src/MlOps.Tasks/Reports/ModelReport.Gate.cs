using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Validation;

namespace MlOps.Tasks.Reports;

public sealed partial class ModelReport
{
    /// <summary>What Report says it wrote.</summary>
    public const string Written = ArtifactNames.ModelCard + ", " + ArtifactNames.Report;

    /// <summary>
    /// Report as the build runs it: the report stands when the gate verdicts it presents, the pipeline file and the code are
    /// unchanged and report.html is there (unless <paramref name="force"/>); otherwise writes it and records that in metrics.json.
    /// </summary>
    /// <exception cref="UsageException">metrics.json, predictions.csv or the bundle is missing.</exception>
    public GatedReport Gate(PipelineWorkspace request, bool force)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The report reads what the gates measured: unchanged gates (and code) mean an unchanged report.
        var metrics = Path.Combine(request.ArtifactsFolder, ArtifactNames.Metrics);
        var fingerprint = Fingerprint(request.Pipeline, metrics);
        if (!force && fingerprint is not null && GateRecord.PassedBefore(metrics, Gates.Report, fingerprint) is { } before
            && File.Exists(Path.Combine(request.ArtifactsFolder, ArtifactNames.Report)))
        {
            return new GatedReport(null, $"{before} (written before)");
        }

        var outcome = Run(request);
        if (fingerprint is not null)
        {
            GateRecord.Write(metrics, Gates.Report, passed: true, fingerprint, Written, store);
        }

        return new GatedReport(outcome, Written);
    }
}
