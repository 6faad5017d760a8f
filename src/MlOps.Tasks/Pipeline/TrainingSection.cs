namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>training</c> section: which trainer, its hyper-parameters, the split and the seed.</summary>
public sealed record TrainingSection : PipelineSection
{
    /// <summary>lightgbm, fasttree, sdca (logistic regression by SDCA) or lbfgs (logistic regression by L-BFGS).</summary>
    public string Trainer { get; init; } = "lightgbm";

    /// <summary>Hyper-parameters by ML.NET's option names in snake_case (e.g. <c>number_of_leaves</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The share of rows held out for testing, drawn per class.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>
    /// The most folds a pipeline may ask for. Each fold holds its own copy of the row indexes and trains a
    /// model, so a mistyped number (a million) must stop at the file, not exhaust memory; before training
    /// the folds are bounded by the data too (at most the rows of the smaller class).
    /// </summary>
    public const int MaxFolds = 100;

    /// <summary>Folds of cross-validation on the training rows (0: none; at most <see cref="MaxFolds"/>).</summary>
    public int Folds { get; init; }

    /// <summary>Seeds the split and the trainer.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Categoricals with more distinct values than this are hashed instead of one-hot encoded.</summary>
    public int MaxOneHot { get; init; } = 64;

    /// <summary>Columns the model must not read (personal data, leaks).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Search the hyper-parameters instead of fitting <see cref="Parameters"/> as written; null: no search.</summary>
    public SweepSection? Sweep { get; init; }
}
