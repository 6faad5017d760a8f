using System.Security.Cryptography;

namespace MlOps.Models.Bundles;

/// <summary>
/// The public half of a <see cref="SigningKey"/>: what a server or a deployment trusts. Holds only
/// the key's bytes, so it needs no disposing and can be kept for the life of a process.
/// </summary>
public sealed class PublicKey
{
    private readonly byte[] subjectPublicKeyInfo;

    internal PublicKey(byte[] subjectPublicKeyInfo)
    {
        this.subjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = Hex.Sha256(subjectPublicKeyInfo);
    }

    /// <summary>
    /// The lowercase hex sha256 of the key's SubjectPublicKeyInfo (DER), as
    /// <c>openssl pkey -pubin -outform DER | sha256sum</c> prints it.
    /// </summary>
    public string KeyId { get; }

    /// <summary>Reads a P-256 public key from PEM text (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    /// <exception cref="InvalidKeyException">The text holds no such key (a private key, an RSA key, another curve, bad PEM).</exception>
    public static PublicKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var key = KeyPem.ImportPublic(pem);
        return new PublicKey(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The key as PEM text (<c>-----BEGIN PUBLIC KEY-----</c>), ending in a newline.</summary>
    public string ExportPem() => PemEncoding.WriteString("PUBLIC KEY", subjectPublicKeyInfo) + "\n";

    /// <summary>The key id.</summary>
    public override string ToString() => KeyId;

    /// <summary>Whether <paramref name="signature"/> (DER) is this key's signature over <paramref name="data"/>.</summary>
    internal bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A signature that is not even well-formed DER is as wrong as one that does not verify.
            return false;
        }
    }
}
