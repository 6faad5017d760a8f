namespace MlOps.Tasks.Pipeline;

/// <summary>
/// One behavioural test: exactly one of <see cref="Invariance"/>, <see cref="Directional"/> or
/// <see cref="MinimumFunctionality"/>, with the settings that kind uses.
/// </summary>
public sealed record BehaviourSection : PipelineSection
{
    /// <summary>What the test checks, in words; names it in messages.</summary>
    public required string Name { get; init; }

    /// <summary>Invariance: the column whose value must not matter; set to each of <see cref="Values"/> in turn.</summary>
    public string? Invariance { get; init; }

    /// <summary>The values the invariance test puts in its column.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Directional expectation: the numeric column that is changed by <see cref="Multiply"/> or <see cref="Add"/>.</summary>
    public string? Directional { get; init; }

    /// <summary>Factor applied to the directional column.</summary>
    public double? Multiply { get; init; }

    /// <summary>Amount added to the directional column.</summary>
    public double? Add { get; init; }

    /// <summary>Which way the score must move under the directional change.</summary>
    public ScoreDirection? Expect { get; init; }

    /// <summary>Minimum functionality: rows written out with the class each must get.</summary>
    public IReadOnlyList<BehaviourCaseSection> MinimumFunctionality { get; init; } = [];

    /// <summary>How far a score may move the wrong way (or at all, for invariance) before a row fails.</summary>
    public double Tolerance { get; init; }

    /// <summary>The share of rows allowed to fail (CheckList's failure rate); 0 means none.</summary>
    public double MaxFailureRate { get; init; }

    /// <summary>How many test rows to perturb (the first ones of the held-out set).</summary>
    public int Rows { get; init; } = 1000;
}
