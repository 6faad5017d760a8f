namespace MlOps.Tasks.Artifacts;

/// <summary>The files of artifacts/&lt;pipeline&gt;/, by the name each task writes and the next one reads.</summary>
public static class ArtifactNames
{
    /// <summary>The signed model bundle Train writes.</summary>
    public const string Bundle = "model" + MlOps.Models.Bundles.ModelBundle.Extension;

    /// <summary>The public key that verifies <see cref="Bundle"/>.</summary>
    public const string PublicKey = "signing-key.pub.pem";

    /// <summary>Train's metrics, with the gates' verdicts added by Validate, BiasCheck and Report.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Validate's scored held-out rows.</summary>
    public const string Predictions = "predictions.csv";

    /// <summary>BiasCheck's metric frames and violations.</summary>
    public const string Fairness = "fairness.json";

    /// <summary>BuildImage's record of the image it built (or reused) for the staging version.</summary>
    public const string Image = "image.json";
}
