namespace MlOps.Tasks.Pipeline;

/// <summary>Settings of the synthetic credit-application generator (docs/sample-data.md).</summary>
public sealed record GeneratorSection : PipelineSection
{
    /// <summary>Rows of the training table.</summary>
    public int Rows { get; init; } = 20_000;

    /// <summary>Rows of the drifted "current" batch; 0 for none.</summary>
    public int CurrentRows { get; init; } = 5_000;

    /// <summary>Seed of the generator's own random numbers.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Added to the default log-odds of women: a bias a fair model must not learn.</summary>
    public double GenderBias { get; init; } = 0.6;

    /// <summary>Added to the default log-odds of applicants under 25.</summary>
    public double AgeBias { get; init; } = 0.5;

    /// <summary>Relative change of income in the current batch (-0.25: a quarter lower).</summary>
    public double DriftIncomeShift { get; init; } = -0.25;

    /// <summary>Share of current-batch loans with the purpose <c>crypto</c>, unseen in training.</summary>
    public double DriftNewPurpose { get; init; } = 0.1;

    /// <summary>Share of missing income and employment years in the current batch.</summary>
    public double DriftMissing { get; init; } = 0.08;
}
