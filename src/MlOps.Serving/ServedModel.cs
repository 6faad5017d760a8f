using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Serving.Requests;

namespace MlOps.Serving;

/// <summary>The one model this server scores with: its verified bundle, the loaded scorer and the columns requests may send.</summary>
internal sealed class ServedModel
{
    private ServedModel(ModelBundle bundle, ModelScorer scorer, InputLayout layout)
    {
        Bundle = bundle;
        Scorer = scorer;
        Layout = layout;
    }

    public ModelBundle Bundle { get; }

    public ModelScorer Scorer { get; }

    public InputLayout Layout { get; }

    /// <summary>
    /// Verifies the bundle against the trusted key, loads the model and scores a row of missing
    /// values once, so the first request does not pay for the warm-up.
    /// </summary>
    /// <exception cref="StartupException">The key or the bundle is missing or does not verify, or the model cannot be unpacked.</exception>
    public static ServedModel Load(ServingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = TrustedKey(options.PublicKey);
        ModelBundle bundle;
        try
        {
            bundle = ModelBundle.Open(options.Bundle, key);
        }
        catch (BundleVerificationException e)
        {
            throw new StartupException($"Refusing to serve: {e.Message}");
        }

        try
        {
            var scorer = LoadModel(bundle);
            var layout = InputLayout.For(bundle.Schema, scorer);
            _ = scorer.Score(layout.Missing(1));
            _ = scorer.Score(layout.Missing(2));
            return new ServedModel(bundle, scorer, layout);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // Signed, so not tampered with: the bundle was put together from a schema its model was not trained on.
            throw new StartupException($"Refusing to serve: {options.Bundle}: its schema does not fit its model ({e.Message.TrimEnd('.')}); train again to rebuild the bundle.");
        }
    }

    /// <summary>
    /// The bundle's ML.NET model. ML.NET's loader always unpacks the model's entries into a folder of its
    /// own under the temporary folder, and its public API offers no in-memory way: a read-only root file
    /// system without a tmpfs on /tmp cannot load a model.
    /// </summary>
    private static ModelScorer LoadModel(ModelBundle bundle)
    {
        try
        {
            return ModelScorer.Load(bundle.OpenModel());
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && !TemporaryFolderIsWritable())
        {
            throw new StartupException(
                $"Refusing to serve: ML.NET unpacks the model into the temporary folder {Path.GetTempPath()}, which cannot be written ({e.Message.TrimEnd('.')}). " +
                "In a container run with --read-only, mount a tmpfs there (docker run --read-only --tmpfs /tmp <image>); elsewhere set TMPDIR to a writable folder.");
        }
    }

    // Asked only once loading has failed: a folder made here is removed at once.
    private static bool TemporaryFolderIsWritable()
    {
        try
        {
            Directory.CreateTempSubdirectory("mlops-serving-").Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static PublicKey TrustedKey(string path)
    {
        try
        {
            return PublicKey.FromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Refusing to serve: cannot read the public key {path} (MLOPS_PUBLIC_KEY): {e.Message}");
        }
        catch (InvalidKeyException e)
        {
            throw new StartupException($"Refusing to serve: {path} (MLOPS_PUBLIC_KEY) is not a usable public key: {e.Message}");
        }
    }
}
