namespace MlOps.Tasks.Pipeline;

/// <summary>
/// The <c>monitoring</c> section: how Monitor decides that the served data drifted, that the model's answers went
/// wrong, or that the service misses its objectives. Without it, Monitor uses Evidently's defaults.
/// </summary>
public sealed record MonitoringSection : PipelineSection
{
    /// <summary>The dataset drifted when at least this share of the tested columns drifted (Evidently's drift_share).</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>The test for every numeric column (Evidently's num_stattest); Evidently's default choice when absent.</summary>
    public DriftMethodSection? Numeric { get; init; }

    /// <summary>The test for every categorical and boolean column (Evidently's cat_stattest); Evidently's default choice when absent.</summary>
    public DriftMethodSection? Categorical { get; init; }

    /// <summary>The test of one column by name (Evidently's per_column_stattest); wins over <see cref="Numeric"/> and <see cref="Categorical"/>.</summary>
    public IReadOnlyDictionary<string, DriftMethodSection> Columns { get; init; } = new Dictionary<string, DriftMethodSection>(StringComparer.Ordinal);

    /// <summary>Schema columns not to test. Id and text columns are never tested.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>
    /// Whether deployed servers keep each request's inputs in their audit log, which Monitor then compares with the
    /// training data when no <c>--current</c> batch is given. Off by default: inputs may be personal data. A change
    /// takes effect at the next deployment (<c>--force</c> redeploys an unchanged version).
    /// </summary>
    public bool LogInputs { get; init; }

    /// <summary>Concept drift: labelled feedback and the detector watching the errors.</summary>
    public ConceptDriftSection Concept { get; init; } = new();

    /// <summary>Service level objectives checked against the deployed server's /metrics.</summary>
    public ServiceLevelSection Slo { get; init; } = new();
}
