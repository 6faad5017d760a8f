using System.Globalization;
using MlOps.Tasks;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Validation;

namespace MlOps.MSBuild;

/// <summary>
/// Validate: gates the candidate on its held-out metrics, the production version and the behavioural tests; writes predictions.csv.
/// Each failed check is an error at the pipeline file's line that sets it.
/// </summary>
public sealed class Validate : PipelineTask
{
    /// <inheritdoc />
    protected override void Run(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var location = StoreOf(workspace);
        using var store = TrackingStore.Open(location);
        using var key = SigningKeys.Resolve(location);
        var gated = new ModelValidation(store, key.PublicKey).Gate(workspace, Force);
        if (gated.Outcome is not { } outcome)
        {
            Say($"Validate: unchanged, {gated.Summary}", important: true);
            return;
        }

        Say(string.Create(CultureInfo.InvariantCulture, $"Validate: {outcome.Model} v{outcome.Version} on {outcome.Behaviour.Count} behavioural tests and the held-out rows: ")
            + string.Join(", ", outcome.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}"))));
        if (outcome.Champion is { } champion)
        {
            Say(champion.NotCompared is { } why ? $"  production v{champion.Version} not compared: {why}"
                : string.Create(CultureInfo.InvariantCulture, $"  against production v{champion.Version} on {champion.RowsCompared}"));
        }

        var errors = Errors(workspace);
        foreach (var check in outcome.Checks)
        {
            if (check.Passed)
            {
                Say($"  passed {check.Message}");
            }
            else
            {
                errors.Error(ErrorCodes.GateRefused, check.Location, check.Message);
            }
        }

        Say($"Validate: {gated.Summary}", important: true);
        if (gated.Refusal is { } refusal)
        {
            if (!Log.HasLoggedErrors)
            {
                throw new QualityGateException(refusal);
            }

            Say(refusal, important: true);
        }
    }
}
