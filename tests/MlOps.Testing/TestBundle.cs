using MlOps.Models.Bundles;
using MlOps.Models.Schema;
using MlOps.Models.Training;

namespace MlOps.Testing;

/// <summary>
/// The credit-scoring bundle the tests write: one provenance shared by every test bundle, with the version
/// (and, where a test pins them, run and date) given, and the means to write a trained model as a signed bundle.
/// </summary>
public static class TestBundle
{
    /// <summary>When the test bundles' models were trained.</summary>
    public static readonly DateTimeOffset Created = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Provenance of version <paramref name="version"/> of the credit-scoring model; change the rest with <c>with</c>.</summary>
    public static BundleProvenance Provenance(string version) => new()
    {
        ModelName = "credit-scoring",
        ModelVersion = version,
        RunId = "0a1b2c3d",
        DataMd5 = "3f1c0a4b2e8d9f7a6b5c4d3e2f1a0b9c.dir",
        GitCommit = "5c93d6f",
        Created = Created,
        Trainer = "LightGbm",
    };

    /// <summary>
    /// Writes <paramref name="model"/>, with its AUC as the only metric, as version <paramref name="version"/> signed by
    /// <paramref name="key"/>, and returns <paramref name="path"/>.
    /// </summary>
    public static string Write(string path, TrainedModel model, ModelSchema schema, string version, SigningKey key)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        ModelBundle.Write(path, new BundleContents
        {
            Model = stream.ToArray(),
            Schema = schema,
            Metrics = new Dictionary<string, double> { ["auc"] = model.Metrics.Auc },
            Provenance = Provenance(version),
        }, key);
        return path;
    }
}
