namespace MlOps.Tasks.Signing;

/// <summary>Where the key a build signs bundles with came from.</summary>
public enum SigningKeySource
{
    /// <summary>PEM text in the MLOPS_SIGNING_KEY environment variable (a CI secret).</summary>
    Variable,

    /// <summary>A PEM file named by the MLOPS_SIGNING_KEY_FILE environment variable.</summary>
    File,

    /// <summary>The development key in the store folder, generated on first use; not for production.</summary>
    DevelopmentKey,
}
