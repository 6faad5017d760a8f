using System.Text.Json;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Reports;

/// <summary>Everything the model card and the HTML report are filled from: the run's own outputs, never boilerplate.</summary>
internal sealed record ReportInputs
{
    /// <summary>The pipeline definition: description, schema, training section, protected attributes, gates.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>metrics.json: Train's metrics and, once Validate ran, its results.</summary>
    public required MetricsFile Metrics { get; init; }

    /// <summary>fairness.json, when BiasCheck ran.</summary>
    public JsonElement? Fairness { get; init; }

    /// <summary>The training run (params: encodings, hyper-parameters, split).</summary>
    public required RunRecord Run { get; init; }

    /// <summary>The bundle's provenance.</summary>
    public required BundleProvenance Provenance { get; init; }

    /// <summary>The bundle's sha256.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>predictions.csv: the held-out rows as scored.</summary>
    public required IReadOnlyList<PredictionRow> Predictions { get; init; }

    /// <summary>The protected attributes' names, in the order of <see cref="PredictionRow.Attributes"/>.</summary>
    public required IReadOnlyList<string> Attributes { get; init; }

    /// <summary>Feature importance and contributions, or null with <see cref="ExplanationError"/> saying why.</summary>
    public Explanation? Explanation { get; init; }

    /// <summary>Why the model could not be explained, when it could not.</summary>
    public string? ExplanationError { get; init; }

    /// <summary>The hyper-parameter sweep of the training run, when it ran one.</summary>
    public SweepHistory? Sweep { get; init; }
}
