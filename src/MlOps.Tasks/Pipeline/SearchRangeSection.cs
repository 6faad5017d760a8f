namespace MlOps.Tasks.Pipeline;

/// <summary>
/// One searched hyper-parameter: a range (<c>low</c>, <c>high</c>, optional <c>log</c> and <c>step</c>) or a list of
/// <c>choice</c>s, as Optuna's suggest_float/suggest_int/suggest_categorical. A whole-number parameter is searched in
/// whole numbers.
/// </summary>
public sealed record SearchRangeSection : PipelineSection
{
    /// <summary>The smallest value.</summary>
    public double? Low { get; init; }

    /// <summary>The largest value.</summary>
    public double? High { get; init; }

    /// <summary>Search on a log scale (learning rates, regularisation); needs a positive <see cref="Low"/>.</summary>
    public bool Log { get; init; }

    /// <summary>Only values low, low + step, ... up to high.</summary>
    public double? Step { get; init; }

    /// <summary>The values to choose from, instead of a range.</summary>
    public IReadOnlyList<string>? Choice { get; init; }
}
