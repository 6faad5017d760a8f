namespace MlOps.Tasks.Pipeline;

/// <summary>One pipeline file (pipelines/&lt;name&gt;.yaml): everything the build knows about one model.</summary>
public sealed record PipelineDefinition : PipelineSection
{
    /// <summary>What <see cref="Name"/> must match: it becomes a folder name, so no '/', '.' or '..'.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9_-]{0,62}$";

    /// <summary>The model's name; names artifacts/&lt;name&gt;/, registry entries, images and containers.</summary>
    [TextPattern(NamePattern, "lowercase letters, digits, '-' or '_', starting with a letter or digit, at most 63 characters")]
    public required string Name { get; init; }

    /// <summary>What the model is for, in a sentence.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data lives and how it is pinned.</summary>
    public required DataSection Data { get; init; }

    /// <summary>The table's columns, label and protected attributes.</summary>
    public SchemaSection? Schema { get; init; }

    /// <summary>Data expectations checked by ValidateData (Great Expectations semantics).</summary>
    public IReadOnlyList<ExpectationSection> Expectations { get; init; } = [];

    /// <summary>How Train fits the model; the defaults train LightGBM with seed 42.</summary>
    public TrainingSection Training { get; init; } = new();

    /// <summary>What the Validate gate asks of a candidate: metric bounds, champion/challenger, behavioural tests.</summary>
    public ValidationSection Validation { get; init; } = new();

    /// <summary>What the BiasCheck gate asks: fairness limits over the protected attributes.</summary>
    public FairnessSection Fairness { get; init; } = new();

    /// <summary>How BuildImage makes the model image; the defaults use the offline base.</summary>
    public ImageSection Image { get; init; } = new();

    /// <summary>How Monitor judges drift, the model's answers and the service; Evidently's defaults when absent.</summary>
    public MonitoringSection Monitoring { get; init; } = new();

    /// <summary>Named deployment targets; when none are declared, <c>local</c> exists and is the production environment.</summary>
    public IReadOnlyDictionary<string, EnvironmentSection> Environments { get; init; } =
        new Dictionary<string, EnvironmentSection>(StringComparer.Ordinal)
        {
            ["local"] = new() { Kind = EnvironmentKind.Local, Production = true },
        };

    /// <summary>The file this definition was read from, relative to the repository root.</summary>
    public string File { get; internal set; } = "";
}
