using MlOps.Models.Bundles;

namespace MlOps.Tasks;

/// <summary>
/// The failures MlOps.Models throws for a bad input file: a bundle that fails its signature or schema check, or a signing key
/// that cannot be read. Like an <see cref="InvalidFileException"/>, they are the user's to fix (exit code 2).
/// </summary>
public static class BundleFailure
{
    /// <summary>Whether <paramref name="exception"/> is a bundle or key that failed its check.</summary>
    public static bool Is(Exception exception) => exception is BundleVerificationException or InvalidKeyException;
}
