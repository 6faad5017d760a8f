using MlOps.Models.Schema;

namespace MlOps.Models.Bundles;

/// <summary>What training puts into a model bundle.</summary>
public sealed record BundleContents
{
    /// <summary>The trained model as ML.NET saves it (a zip of its own).</summary>
    public required ReadOnlyMemory<byte> Model { get; init; }

    /// <summary>The table the model scores; the server checks requests against it.</summary>
    public required ModelSchema Schema { get; init; }

    /// <summary>The model's evaluation metrics by name (e.g. <c>auc</c>, <c>log_loss</c>).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Where the model came from.</summary>
    public required BundleProvenance Provenance { get; init; }
}
