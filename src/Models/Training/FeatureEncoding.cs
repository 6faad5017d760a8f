namespace MlOps.Models.Training;

/// <summary>How one column became features, for the run's record and the model card.</summary>
/// <param name="Column">The input column.</param>
/// <param name="Encoding">"numeric", "one-hot", "hashed", "text" or "boolean".</param>
/// <param name="Detail">What was decided from the data: distinct values, imputed missing values.</param>
public sealed record FeatureEncoding(string Column, string Encoding, string Detail);
