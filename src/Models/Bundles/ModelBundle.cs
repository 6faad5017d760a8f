using MlOps.Models.Schema;

namespace MlOps.Models.Bundles;

/// <summary>
/// A signed model bundle (<c>model.mlbundle</c>): what training produces and the scoring server
/// loads. One zip holding the ML.NET model, its schema, metrics and provenance, a manifest of their
/// sha256 hashes and an ECDSA P-256 signature over the manifest. An instance is a bundle that has
/// been verified in full against a trusted key.
/// </summary>
public sealed class ModelBundle
{
    /// <summary>The file extension of bundles.</summary>
    public const string Extension = ".mlbundle";

    private readonly byte[] model;

    internal ModelBundle(
        ModelSchema schema, IReadOnlyDictionary<string, double> metrics, BundleProvenance provenance, byte[] model, string sha256, string keyId)
    {
        Schema = schema;
        Metrics = metrics;
        Provenance = provenance;
        this.model = model;
        Sha256 = sha256;
        KeyId = keyId;
    }

    /// <summary>The table the model scores.</summary>
    public ModelSchema Schema { get; }

    /// <summary>The model's evaluation metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Where the model came from: model name and version, run, data md5, git commit, trainer.</summary>
    public BundleProvenance Provenance { get; }

    /// <summary>The lowercase hex sha256 of the bundle file: the link between run and image in the provenance chain.</summary>
    public string Sha256 { get; }

    /// <summary>The <see cref="PublicKey.KeyId"/> of the key that signed the bundle (the trusted key).</summary>
    public string KeyId { get; }

    /// <summary>
    /// Writes a bundle of <paramref name="contents"/> signed with <paramref name="key"/> to
    /// <paramref name="path"/>, atomically: a reader finds the old file or the new one, never a part.
    /// The same contents and key give the same bytes in every entry but signature.json, because
    /// ECDSA signatures are randomised.
    /// </summary>
    /// <returns>The lowercase hex sha256 of the written file, as <see cref="Sha256"/> will report it.</returns>
    public static string Write(string path, BundleContents contents, SigningKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(key);
        return BundleWriter.Write(path, contents, key);
    }

    /// <summary>
    /// Opens the bundle at <paramref name="path"/> and verifies all of it before returning: the
    /// signature is <paramref name="trusted"/>'s over manifest.json, the format is one this version
    /// reads, no entry is missing or extra, and every entry's size and sha256 match the manifest.
    /// </summary>
    /// <exception cref="BundleVerificationException">
    /// Any check failed, or the file is missing, empty or not a bundle; the message names the file,
    /// what failed and what to do.
    /// </exception>
    public static ModelBundle Open(string path, PublicKey trusted)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(trusted);
        return new BundleReader(path, trusted).Read();
    }

    /// <summary>A read-only stream of the ML.NET model (model.zip), for <c>MLContext.Model.Load</c>.</summary>
    public Stream OpenModel() => new MemoryStream(model, writable: false);
}
