using MlOps.Models.Bundles;

namespace MlOps.Tasks.Signing;

/// <summary>The key a build signs with, and where it came from. Disposing it disposes the key.</summary>
/// <param name="Key">The private key.</param>
/// <param name="Source">Which of the places it was found in.</param>
/// <param name="Location">The variable's name, or the key file's path, for messages.</param>
/// <param name="Generated">Whether this build generated it (a new development key).</param>
public sealed record ResolvedSigningKey(SigningKey Key, SigningKeySource Source, string Location, bool Generated) : IDisposable
{
    /// <summary>
    /// What the build should warn about, or null: signing with a development key, the more so when it
    /// was just generated, because bundles it signs verify with nobody else's public key.
    /// </summary>
    public string? Warning => (Source, Generated) switch
    {
        (SigningKeySource.DevelopmentKey, true) =>
            $"Generated a development signing key at {Location} — do not use it for production; set {SigningKeys.KeyFileVariable}",
        (SigningKeySource.DevelopmentKey, false) =>
            $"Signing with the development key at {Location} — do not use it for production; set {SigningKeys.KeyFileVariable}",
        _ => null,
    };

    /// <summary>The public key that verifies what <see cref="Key"/> signs.</summary>
    public PublicKey PublicKey => Key.PublicKey;

    /// <summary>Releases the key.</summary>
    public void Dispose() => Key.Dispose();
}
