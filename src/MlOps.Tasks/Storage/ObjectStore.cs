namespace MlOps.Tasks.Storage;

/// <summary>
/// A place that keeps content-addressed files under '/'-separated keys: a folder (<see cref="FolderObjectStore"/>) or an S3
/// bucket (<see cref="S3ObjectStore"/>). Uploads are idempotent and verified, downloads are verified and appear at their
/// target complete or not at all. A store that cannot be reached throws <see cref="StoreUnavailableException"/>.
/// </summary>
public abstract partial class ObjectStore : IDisposable
{
    /// <summary>The store as users name it: <c>s3://bucket/prefix</c> or the folder's full path (never credentials).</summary>
    public abstract string Display { get; }

    /// <summary>Size and sha256 of the object at <paramref name="key"/>, or null when there is none.</summary>
    public abstract Task<StoredObject?> HeadAsync(string key, CancellationToken cancellation);

    /// <summary>Whether an object is stored at <paramref name="key"/>.</summary>
    public virtual async Task<bool> ExistsAsync(string key, CancellationToken cancellation) => await HeadAsync(key, cancellation).ConfigureAwait(false) is not null;

    /// <summary>The keys that start with <paramref name="prefix"/> (a string prefix, as S3 has it; "" lists all), in ordinal order.</summary>
    public abstract Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation);

    /// <summary>
    /// Stores <paramref name="localFile"/> at <paramref name="key"/> unless an object with the same sha256 is there already,
    /// then checks what the store reports (size and sha256).
    /// </summary>
    /// <param name="key">Where to put it.</param>
    /// <param name="localFile">The file to upload.</param>
    /// <param name="sha256">The file's lower-case hex sha256, which becomes the object's; checked against the file before upload.</param>
    /// <param name="cancellation">Cancels the upload.</param>
    /// <returns>True when it was uploaded, false when the same content was there already.</returns>
    /// <exception cref="InvalidDataException">The file's sha256 is not <paramref name="sha256"/>, or the store reports another size or sha256 after the upload.</exception>
    public async Task<bool> PutAsync(string key, string localFile, string sha256, CancellationToken cancellation)
    {
        ObjectKey.Check(key);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var existing = await HeadAsync(key, cancellation).ConfigureAwait(false);
        if (existing is not null && string.Equals(existing.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digest = await FileDigest.OfAsync(localFile, cancellation).ConfigureAwait(false);
        if (!string.Equals(digest.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{localFile}: sha256 {digest.Sha256} is not the {sha256} given for {Describe(key)}; nothing was uploaded.");
        }

        await UploadAsync(key, localFile, digest, cancellation).ConfigureAwait(false);

        // Some S3-compatible servers (s3rver among them) answer the upload before the object reads back whole: look again a few times.
        var stored = await HeadAsync(key, cancellation).ConfigureAwait(false);
        for (var attempt = 1; attempt < VerifyAttempts && !Matches(stored, digest); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellation).ConfigureAwait(false);
            stored = await HeadAsync(key, cancellation).ConfigureAwait(false);
        }

        if (!Matches(stored, digest))
        {
            var found = stored is null ? "no object" : $"{stored.Size} bytes with sha256 {stored.Sha256 ?? "(none)"}";
            throw new InvalidDataException($"{Describe(key)}: after uploading {digest.Size} bytes with sha256 {digest.Sha256} the store reports {found}.");
        }

        return true;
    }

    private const int VerifyAttempts = 5;

    private static bool Matches(StoredObject? stored, FileDigest digest) =>
        stored is not null && stored.Size == digest.Size && string.Equals(stored.Sha256, digest.Sha256, StringComparison.Ordinal);

    /// <summary>
    /// Downloads <paramref name="key"/> to a temporary file beside <paramref name="localFile"/>, checks its sha256 when one is
    /// expected (or the store recorded one), then renames it over <paramref name="localFile"/>; on any failure the target is untouched.
    /// </summary>
    /// <exception cref="FileNotFoundException">No object is stored at <paramref name="key"/>.</exception>
    /// <exception cref="InvalidDataException">The content's sha256 is not the one expected.</exception>
    public Task GetAsync(string key, string localFile, string? expectedSha256, CancellationToken cancellation) =>
        GetAsync(key, localFile, recorded => expectedSha256 ?? recorded, cancellation);

    /// <summary>
    /// Downloads <paramref name="key"/> as <see cref="GetAsync(string, string, string?, CancellationToken)"/> does, but checks no sha256, not even
    /// one the store recorded: for objects addressed by another hash (DVC's md5), which the caller checks in <paramref name="localFile"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No object is stored at <paramref name="key"/>.</exception>
    internal Task GetUncheckedAsync(string key, string localFile, CancellationToken cancellation) => GetAsync(key, localFile, _ => null, cancellation);

    private async Task GetAsync(string key, string localFile, Func<string?, string?> expectedSha256, CancellationToken cancellation)
    {
        ObjectKey.Check(key);
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        var partial = ObjectKey.PartialBeside(localFile);
        try
        {
            var recorded = await DownloadAsync(key, partial, cancellation).ConfigureAwait(false);
            if (expectedSha256(recorded) is { } expected)
            {
                var actual = (await FileDigest.OfAsync(partial, cancellation).ConfigureAwait(false)).Sha256;
                if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException(
                        $"{Describe(key)}: sha256 {actual} does not match the expected {expected.ToLowerInvariant()}; {localFile} was not written.");
                }
            }

            File.Move(partial, localFile, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Where <paramref name="key"/> is, as users name it: <c>s3://bucket/prefix/key</c> or the file's path.</summary>
    public virtual string Describe(string key) => $"{Display.TrimEnd('/')}/{key}";

    /// <summary>Stores the file whose digest is <paramref name="digest"/> at <paramref name="key"/>, replacing any object there.</summary>
    private protected abstract Task UploadAsync(string key, string localFile, FileDigest digest, CancellationToken cancellation);

    /// <summary>Writes the object at <paramref name="key"/> to <paramref name="partialFile"/> (which may be left half written).</summary>
    /// <returns>The sha256 the store recorded for it, if any.</returns>
    /// <exception cref="FileNotFoundException">No object is stored at <paramref name="key"/>.</exception>
    private protected abstract Task<string?> DownloadAsync(string key, string partialFile, CancellationToken cancellation);

    /// <summary>Releases what the store holds (an HTTP client).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
