namespace MlOps.Models.Bundles;

/// <summary>
/// PEM text does not hold the kind of key asked for (a P-256 private key to sign, a P-256 public
/// key to verify). The message says what was found and what is expected, never the key itself.
/// </summary>
public sealed class InvalidKeyException(string message) : Exception(message);
