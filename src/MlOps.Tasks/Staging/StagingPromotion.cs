using System.Globalization;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Validation;

namespace MlOps.Tasks.Staging;

/// <summary>
/// BiasCheck and what follows it: the fairness gate over Validate's predictions, then alias <c>staging</c> moves to
/// the candidate that passed both gates. Its own folder, outside <see cref="FairnessCheck"/>'s code fingerprint:
/// moving an alias cannot change what the gate finds.
/// </summary>
public static class StagingPromotion
{
    /// <summary>Runs the fairness gate (or reuses its last pass) and moves <see cref="ModelAliases.Staging"/> to the candidate when both gates passed.</summary>
    /// <exception cref="UsageException">Validate has not written its predictions.</exception>
    public static BiasCheckOutcome Run(BiasCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (pipeline, root, artifacts) = (request.Workspace.Pipeline, request.Workspace.RepositoryRoot, request.Workspace.ArtifactsFolder);
        var predictions = Path.Combine(artifacts, ArtifactNames.Predictions);
        if (!File.Exists(predictions))
        {
            throw new UsageException($"{Path.GetRelativePath(root, predictions)} does not exist; run ./build.sh --target=Validate first.");
        }

        var metrics = Path.Combine(artifacts, ArtifactNames.Metrics);
        var fingerprint = FairnessCheck.Fingerprint(pipeline, root, Path.GetRelativePath(root, predictions)).Value;
        if (!request.Force && GateRecord.PassedBefore(metrics, Gates.Fairness, fingerprint) is { } before)
        {
            // Train may have gone back to an earlier run (its inputs are as they were then): staging follows it.
            var gated = MetricsFile.Read(metrics);
            if (gated.Validation?.Passed == true)
            {
                using var registry = TrackingStore.Open(request.Store);
                Move(registry, pipeline.Name, gated.Version, request.User);
            }

            return new BiasCheckOutcome { Reused = true, Note = $"{before} (checked before)" };
        }

        var output = Path.Combine(artifacts, ArtifactNames.Fairness);
        var report = FairnessCheck.Run(pipeline, predictions, Path.GetRelativePath(root, predictions), output);
        var rates = report.Attributes.Append(report.Intersection).OfType<MetricFrame>().Select(Rates).ToList();
        var violations = report.Violations.Select(v => FairnessCheck.Describe(v, pipeline.Fairness)).ToList();
        var candidate = MetricsFile.Read(metrics);
        using var store = TrackingStore.Open(request.Store);
        store.Runs.LogArtifact(candidate.RunId, output, ArtifactNames.Fairness);
        if (ShouldMove(report.Passed, candidate.Validation?.Passed == true))
        {
            Move(store, pipeline.Name, candidate.Version, request.User);
            var moved = $"within limits; {ModelAliases.Staging} -> v{candidate.Version}";
            GateRecord.Write(metrics, Gates.Fairness, passed: true, fingerprint, moved, store);
            return new BiasCheckOutcome { Note = moved, Rates = rates, Violations = violations };
        }

        var exceeded = $"{report.Violations.Count} fairness limits exceeded";
        GateRecord.Write(metrics, Gates.Fairness, passed: false, fingerprint, exceeded, store);
        var refusal = report.Passed || request.ReportOnly ? null
            : violations.Count == 1 ? violations[0]
            : $"{violations.Count} fairness limits exceeded (listed above; details in {Path.GetRelativePath(root, output)}).";
        return new BiasCheckOutcome { Note = exceeded, Rates = rates, Violations = violations, Refusal = refusal };
    }

    /// <summary>Staging moves to a candidate only when it passed both Validate and the fairness gate.</summary>
    internal static bool ShouldMove(bool fairnessPassed, bool validated) => fairnessPassed && validated;

    /// <summary>Whether the alias must be written: only when it names another version (or none), so its history records real moves.</summary>
    internal static bool NeedsWrite(int? staging, int candidate) => staging != candidate;

    private static void Move(TrackingStore store, string model, int version, string user)
    {
        if (NeedsWrite(store.Registry.ResolveVersion(model, ModelAliases.Staging)?.Version, version))
        {
            store.Registry.SetAlias(model, ModelAliases.Staging, version, user, "passed Validate and BiasCheck");
        }
    }

    private static string Rates(MetricFrame frame)
    {
        var rates = string.Join(", ", frame.Groups.Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Group} {g.SelectionRate:0.000} (n={g.Count}{(g.Small ? ", small" : "")})")));
        return $"BiasCheck: {frame.Name}: selection rate {rates}";
    }
}
