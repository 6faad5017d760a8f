namespace MlOps.Tasks.Pipeline;

/// <summary>
/// The <c>monitoring.concept</c> section: labelled feedback joined to the served predictions by request id,
/// watched by a drift detector (river's) over the stream of prediction errors and by windowed metrics.
/// </summary>
public sealed record ConceptDriftSection : PipelineSection
{
    /// <summary>The feedback file (CSV with a header, or JSON lines): a request id and the true label per row; <c>--feedback</c> overrides it.</summary>
    public string? Feedback { get; init; }

    /// <summary>The feedback column (or JSON member) holding the request id.</summary>
    public string IdColumn { get; init; } = "id";

    /// <summary>The feedback column (or JSON member) holding the true label; default: schema.label.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>The detector watching the error stream: <c>page_hinkley</c> (default), <c>adwin</c> or <c>ddm</c>.</summary>
    public string Detector { get; init; } = "page_hinkley";

    /// <summary>The detector's settings by river's parameter names, e.g. <c>{ threshold: 50, delta: 0.005 }</c>; river's defaults otherwise.</summary>
    public IReadOnlyDictionary<string, double> Settings { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Labelled predictions per window of the windowed metrics.</summary>
    public int Window { get; init; } = 500;

    /// <summary>Lower limits for the latest window's metrics, e.g. <c>{ auc: 0.65 }</c> (metric names as in validation.min).</summary>
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Upper limits for the latest window's metrics, e.g. <c>{ log_loss: 0.7 }</c>.</summary>
    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Page-Hinkley's direction (river's <c>mode</c>): <c>both</c>, <c>up</c> or <c>down</c>.</summary>
    public string? Mode { get; init; }
}
