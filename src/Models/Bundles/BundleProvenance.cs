namespace MlOps.Models.Bundles;

/// <summary>
/// Where a model came from: the links of the provenance chain that precede the bundle
/// (data md5 → run → bundle). Written to the bundle's provenance.json and covered by its signature.
/// </summary>
public sealed record BundleProvenance
{
    /// <summary>The model's name, as in the pipeline file (e.g. <c>credit-scoring</c>).</summary>
    public required string ModelName { get; init; }

    /// <summary>The model version this bundle is registered as (e.g. <c>3</c>).</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The tracking run that trained the model.</summary>
    public required string RunId { get; init; }

    /// <summary>The md5 of the training data, as in its .dvc pointer.</summary>
    public required string DataMd5 { get; init; }

    /// <summary>The git commit the build ran at.</summary>
    public required string GitCommit { get; init; }

    /// <summary>When the model was trained. Given, not taken from the clock, so the same run writes the same bundle.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The trainer, e.g. <c>LightGbm</c> or <c>SdcaLogisticRegression</c>.</summary>
    public required string Trainer { get; init; }
}
