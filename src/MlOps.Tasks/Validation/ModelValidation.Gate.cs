using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Validation;

public sealed partial class ModelValidation
{
    /// <summary>
    /// Validate as the build runs it: the verdict in metrics.json stands when the candidate, the data, the sections read, the
    /// production version and the code are unchanged and predictions.csv is there (unless <paramref name="force"/>); otherwise
    /// validates and records the verdict there.
    /// </summary>
    /// <exception cref="UsageException">There is no candidate, or the data changed since it was trained.</exception>
    public GatedValidation Gate(PipelineWorkspace request, bool force)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metrics = Path.Combine(request.ArtifactsFolder, ArtifactNames.Metrics);
        var fingerprint = File.Exists(Path.Combine(request.ArtifactsFolder, ArtifactNames.Bundle)) ? Fingerprint(request).Value : "";
        if (!force && GateRecord.PassedBefore(metrics, Gates.Validation, fingerprint) is { } before
            && File.Exists(Path.Combine(request.ArtifactsFolder, ArtifactNames.Predictions)))
        {
            return new GatedValidation(null, $"{before} (validated before)", null);
        }

        var outcome = Run(request);
        var failed = outcome.Checks.Where(c => !c.Passed).ToList();
        var summary = $"v{outcome.Version}: {outcome.Checks.Count - failed.Count}/{outcome.Checks.Count} checks passed";
        GateRecord.Write(metrics, Gates.Validation, outcome.Passed, fingerprint, summary, store);
        var refusal = failed.Count switch
        {
            0 => null,
            1 => failed[0].Message,
            _ => $"{failed.Count} of {outcome.Checks.Count} validation checks failed "
                + $"(listed above; details in {Path.GetRelativePath(request.RepositoryRoot, metrics)}).",
        };
        return new GatedValidation(outcome, summary, refusal);
    }
}
