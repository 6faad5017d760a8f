namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>validation</c> section: what the Validate gate asks of a candidate model.</summary>
public sealed record ValidationSection : PipelineSection
{
    /// <summary>Lower bounds on the held-out metrics, e.g. <c>auc: 0.70</c>.</summary>
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Upper bounds on the held-out metrics, e.g. <c>log_loss: 0.6</c>.</summary>
    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Champion/challenger: how much worse than the version with alias <c>production</c> a metric may
    /// get (a drop for higher-is-better metrics, a rise for log_loss, brier, calibration_error).
    /// </summary>
    public IReadOnlyDictionary<string, double> MaxRegression { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Behavioural tests (CheckList's invariance, directional expectation, minimum functionality).</summary>
    public IReadOnlyList<BehaviourSection> Behaviour { get; init; } = [];
}
