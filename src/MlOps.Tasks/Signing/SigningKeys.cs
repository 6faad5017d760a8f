using MlOps.Models.Bundles;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Signing;

/// <summary>
/// Finds the key a build signs model bundles with: MLOPS_SIGNING_KEY (PEM text), else
/// MLOPS_SIGNING_KEY_FILE (a PEM file), else a development key in the store folder.
/// </summary>
public static class SigningKeys
{
    /// <summary>The environment variable that holds the private key's PEM text.</summary>
    public const string KeyVariable = "MLOPS_SIGNING_KEY";

    /// <summary>The environment variable that names the private key's PEM file.</summary>
    public const string KeyFileVariable = "MLOPS_SIGNING_KEY_FILE";

    /// <summary>Finds the key from the process's environment; see <see cref="Resolve(string, Func{string, string?})"/>.</summary>
    public static ResolvedSigningKey Resolve(string storeDirectory) => Resolve(storeDirectory, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Finds the key for <paramref name="store"/> from the process's environment. A team store (PostgreSQL) needs a configured key: a development key
    /// exists on one machine only, so no other machine could verify its bundles or reuse its runs (their fingerprints name the key).
    /// </summary>
    /// <exception cref="UsageException">A team store and no configured key, or a key that cannot be used.</exception>
    public static ResolvedSigningKey Resolve(StoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Database is PostgresDatabase && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KeyVariable))
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KeyFileVariable)))
        {
            throw new UsageException($"{store.Display} is a team store, which needs the team's signing key: set {KeyVariable} (the PEM text, e.g. a CI secret) " +
                $"or {KeyFileVariable} (a PEM file) on every machine that uses it. A development key exists on this machine only, " +
                "so no other could verify its bundles or reuse its runs.");
        }

        return Resolve(store.Folder);
    }

    /// <summary>
    /// Finds the key: from <see cref="KeyVariable"/>, else from the file <see cref="KeyFileVariable"/>
    /// names, else the development key <c>keys/signing-key.pem</c> under <paramref name="storeDirectory"/>,
    /// generated (with <c>keys/signing-key.pub.pem</c> beside it) when there is none. Empty variables count as unset.
    /// </summary>
    /// <exception cref="UsageException">Both variables are set, the file is missing, or the key is not a P-256 private key.</exception>
    public static ResolvedSigningKey Resolve(string storeDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment(KeyVariable);
        var file = environment(KeyFileVariable);
        if (!string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(file))
        {
            throw new UsageException($"Both {KeyVariable} and {KeyFileVariable} are set; set only one of them.");
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            return new ResolvedSigningKey(Load(Unescape(text), KeyVariable), SigningKeySource.Variable, KeyVariable, Generated: false);
        }

        if (!string.IsNullOrWhiteSpace(file))
        {
            var pem = ReadKeyFile(file, $"{file} ({KeyFileVariable})", $"point {KeyFileVariable} at the signing key's PEM file");
            return new ResolvedSigningKey(Load(pem, $"{file} ({KeyFileVariable})"), SigningKeySource.File, file, Generated: false);
        }

        return DevelopmentKey.LoadOrCreate(storeDirectory);
    }

    /// <summary>Reads a key file, or says plainly why not.</summary>
    internal static string ReadKeyFile(string path, string name, string remedy)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{name}: no such file; {remedy}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{name}: cannot be read ({e.Message}).");
        }
    }

    /// <summary>Reads the key, naming <paramref name="source"/> (never the key's text) when it is not one.</summary>
    internal static SigningKey Load(string pem, string source, string? remedy = null)
    {
        try
        {
            return SigningKey.FromPem(pem);
        }
        catch (InvalidKeyException e)
        {
            throw new UsageException(remedy is null ? $"{source}: {e.Message}." : $"{source}: {e.Message}; {remedy}.");
        }
    }

    // Some CI secret stores keep a PEM's line breaks as the two characters \n.
    private static string Unescape(string text) =>
        !text.Contains('\n', StringComparison.Ordinal) && text.Contains("\\n", StringComparison.Ordinal)
            ? text.Replace("\\n", "\n", StringComparison.Ordinal)
            : text;
}
