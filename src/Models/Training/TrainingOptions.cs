namespace MlOps.Models.Training;

/// <summary>How to train: the trainer, its hyper-parameters, the share held out and the seed.</summary>
public sealed record TrainingOptions
{
    /// <summary>A name from <see cref="TrainerCatalog.Names"/>.</summary>
    public string Trainer { get; init; } = "lightgbm";

    /// <summary>Hyper-parameters by their snake_case name, as written in the pipeline file.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The share of each class held out for testing, by row key (<see cref="DataSplit.HeldOut"/>), not by the seed.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Folds of cross-validation on the training rows; 0 for none.</summary>
    public int Folds { get; init; }

    /// <summary>Seeds the trainer and the cross-validation folds: the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>A categorical column with more distinct values than this is hashed instead of one-hot encoded.</summary>
    public int MaxOneHot { get; init; } = 64;

    /// <summary>Bits of the hash for high-cardinality categoricals (2^bits slots).</summary>
    public int HashBits { get; init; } = 16;

    /// <summary>Columns the model must not read, such as personal data.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
