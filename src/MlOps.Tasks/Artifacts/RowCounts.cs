namespace MlOps.Tasks.Artifacts;

/// <summary>The rows of the train/test split, in metrics.json.</summary>
/// <param name="Train">Rows trained on.</param>
/// <param name="Test">Rows held out.</param>
public sealed record RowCounts(int Train, int Test);
