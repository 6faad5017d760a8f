using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Signing;

/// <summary>
/// The signing key of a machine without a configured one: <c>keys/signing-key.pem</c> in the store
/// folder, readable by its owner only, with <c>keys/signing-key.pub.pem</c> beside it.
/// </summary>
internal static class DevelopmentKey
{
    public const string Folder = "keys";

    public const string FileName = "signing-key.pem";

    public const string PublicFileName = "signing-key.pub.pem";

    /// <summary>Loads the development key, generating it first when there is none.</summary>
    public static ResolvedSigningKey LoadOrCreate(string storeDirectory)
    {
        var folder = Path.Combine(storeDirectory, Folder);
        var file = Path.Combine(folder, FileName);
        var generated = !File.Exists(file) && TryCreate(folder, file);

        const string remedy = "delete it to generate a new development key";
        var key = SigningKeys.Load(SigningKeys.ReadKeyFile(file, file, remedy), file, remedy);
        try
        {
            WritePublicKey(Path.Combine(folder, PublicFileName), key);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return new ResolvedSigningKey(key, SigningKeySource.DevelopmentKey, file, generated);
    }

    /// <summary>Writes a new key to <paramref name="file"/>; false when another build got there first.</summary>
    private static bool TryCreate(string folder, string file)
    {
        CreatePrivateFolder(folder);
        // File.Move without overwrite checks, then renames: two builds can both pass the check. One at a time, then.
        using var gate = Exclusive(Path.Combine(folder, $".{FileName}.lock"));
        if (File.Exists(file))
        {
            return false;
        }

        var temporary = Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var key = SigningKey.Generate())
            using (var stream = CreatePrivateFile(temporary))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(key.ExportPrivatePem()));
                stream.Flush(flushToDisk: true);
            }

            // No overwrite: when two builds race, both sign with the key that was there first.
            File.Move(temporary, file, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // The public key is derived, so it is rewritten whenever it is missing or stale.
    private static void WritePublicKey(string path, SigningKey key)
    {
        var pem = key.ExportPublicPem();
        if (!File.Exists(path) || File.ReadAllText(path) != pem)
        {
            AtomicFile.WriteAllText(path, pem);
        }
    }

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Waits up to 30 s for builds that generate a key at the same moment (generating one takes milliseconds).
    private static FileStream Exclusive(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // Removed on close: whoever locks the path after that finds the key already written.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(50);
            }
        }
    }

    // The mode is set as the file is created, so the key is never readable by others, not even for a moment.
    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
