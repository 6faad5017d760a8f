using System.Security.Cryptography;

namespace MlOps.Models.Bundles;

/// <summary>
/// An ECDSA P-256 private key that signs model bundles. Dispose it when done: it holds the key in
/// native memory.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa key;

    private SigningKey(ECDsa key)
    {
        this.key = key;
        PublicKey = new PublicKey(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public half, for whoever verifies what this key signs.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The public key's <see cref="PublicKey.KeyId"/>.</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>A new random P-256 key.</summary>
    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>
    /// Reads a P-256 private key from PEM text: PKCS #8 (<c>-----BEGIN PRIVATE KEY-----</c>) or SEC 1
    /// (<c>-----BEGIN EC PRIVATE KEY-----</c>, as <c>openssl ecparam -genkey</c> writes it).
    /// </summary>
    /// <exception cref="InvalidKeyException">The text holds no such key (a public key, an RSA key, another curve, bad PEM).</exception>
    public static SigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return new SigningKey(KeyPem.ImportPrivate(pem));
    }

    /// <summary>The private key as unencrypted PKCS #8 PEM text (<c>-----BEGIN PRIVATE KEY-----</c>), ending in a newline.</summary>
    public string ExportPrivatePem() => key.ExportPkcs8PrivateKeyPem() + "\n";

    /// <summary>The public key as PEM text (<c>-----BEGIN PUBLIC KEY-----</c>), ending in a newline.</summary>
    public string ExportPublicPem() => PublicKey.ExportPem();

    /// <summary>Releases the key.</summary>
    public void Dispose() => key.Dispose();

    /// <summary>The DER-encoded signature over <paramref name="data"/>, as <c>openssl dgst -sha256 -sign</c> writes it.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
}
