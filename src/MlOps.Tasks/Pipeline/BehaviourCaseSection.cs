namespace MlOps.Tasks.Pipeline;

/// <summary>A minimum-functionality case: a row and the class it must get.</summary>
public sealed record BehaviourCaseSection : PipelineSection
{
    /// <summary>The label value the model must predict for <see cref="Row"/>.</summary>
    public required string Expect { get; init; }

    /// <summary>Values by column; columns left out are missing.</summary>
    public required IReadOnlyDictionary<string, string> Row { get; init; }
}
