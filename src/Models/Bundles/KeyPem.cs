using System.Formats.Asn1;
using System.Security.Cryptography;

namespace MlOps.Models.Bundles;

/// <summary>Reads P-256 keys from PEM text, and says in plain words what is wrong with anything else.</summary>
internal static class KeyPem
{
    public const string ExpectedPrivate = "expected a P-256 EC private key in PEM (\"PRIVATE KEY\" or \"EC PRIVATE KEY\")";

    public const string ExpectedPublic = "expected a P-256 EC public key in PEM (\"PUBLIC KEY\")";

    private const string P256 = "1.2.840.10045.3.1.7";

    private static readonly Dictionary<string, string> Algorithms = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.2.1"] = "an EC",
        ["1.2.840.113549.1.1.1"] = "an RSA",
        ["1.2.840.113549.1.1.10"] = "an RSA-PSS",
        ["1.2.840.10040.4.1"] = "a DSA",
        ["1.3.101.110"] = "an X25519",
        ["1.3.101.111"] = "an X448",
        ["1.3.101.112"] = "an Ed25519",
        ["1.3.101.113"] = "an Ed448",
    };

    private static readonly Dictionary<string, string> Curves = new(StringComparer.Ordinal)
    {
        ["1.3.132.0.34"] = "P-384",
        ["1.3.132.0.35"] = "P-521",
        ["1.3.132.0.10"] = "secp256k1",
        ["1.3.36.3.3.2.8.1.1.7"] = "brainpoolP256r1",
    };

    /// <summary>Imports the one private key in <paramref name="pem"/>; the caller disposes it.</summary>
    public static ECDsa ImportPrivate(string pem)
    {
        var (label, der) = FindKey(pem, ExpectedPrivate);
        return label switch
        {
            "PRIVATE KEY" => Import(label, der, ExpectedPrivate, key => key.ImportPkcs8PrivateKey(der, out _), AlgorithmOf(der, privateKeyInfo: true)),
            "EC PRIVATE KEY" => Import(label, der, ExpectedPrivate, key => key.ImportECPrivateKey(der, out _), algorithm: null),
            "PUBLIC KEY" => throw new InvalidKeyException($"found a public key; {ExpectedPrivate}: bundles are signed with the private key"),
            "ENCRYPTED PRIVATE KEY" => throw new InvalidKeyException(
                $"found an encrypted private key; {ExpectedPrivate}, unencrypted (openssl pkcs8 -topk8 -nocrypt -in <file>)"),
            "RSA PRIVATE KEY" => throw new InvalidKeyException($"found an RSA key; {ExpectedPrivate}"),
            _ => throw new InvalidKeyException($"found a PEM \"{label}\" block; {ExpectedPrivate}"),
        };
    }

    /// <summary>Imports the one public key in <paramref name="pem"/>; the caller disposes it.</summary>
    public static ECDsa ImportPublic(string pem)
    {
        var (label, der) = FindKey(pem, ExpectedPublic);
        return label switch
        {
            "PUBLIC KEY" => Import(label, der, ExpectedPublic, key => key.ImportSubjectPublicKeyInfo(der, out _), AlgorithmOf(der, privateKeyInfo: false)),
            "PRIVATE KEY" or "EC PRIVATE KEY" or "ENCRYPTED PRIVATE KEY" or "RSA PRIVATE KEY" => throw new InvalidKeyException(
                $"found a private key; {ExpectedPublic}: bundles are verified with the public key alone (signing-key.pub.pem)"),
            _ => throw new InvalidKeyException($"found a PEM \"{label}\" block; {ExpectedPublic}"),
        };
    }

    private static (string Label, byte[] Der) FindKey(string pem, string expected)
    {
        var blocks = new List<(string Label, byte[] Der)>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();

            // openssl ecparam -genkey writes the curve's name in a block of its own before the key.
            if (label != "EC PARAMETERS")
            {
                blocks.Add((label, Convert.FromBase64String(rest[fields.Base64Data].ToString())));
            }

            rest = rest[fields.Location.End..];
        }

        return blocks.Count switch
        {
            1 => blocks[0],
            0 when string.IsNullOrWhiteSpace(pem) => throw new InvalidKeyException($"the text is empty; {expected}"),
            0 when pem.Contains("-----BEGIN", StringComparison.Ordinal) => throw new InvalidKeyException(
                $"the PEM text is malformed (check its BEGIN and END lines and its base64); {expected}"),
            0 => throw new InvalidKeyException($"no PEM block found; {expected}"),
            _ => throw new InvalidKeyException(
                $"found {blocks.Count} PEM blocks ({string.Join(", ", blocks.Select(b => b.Label))}); {expected}, and only that"),
        };
    }

    private static ECDsa Import(string label, byte[] der, string expected, Action<ECDsa> import, string? algorithm)
    {
        if (algorithm is not null && algorithm != "1.2.840.10045.2.1")
        {
            var name = Algorithms.GetValueOrDefault(algorithm, $"a {algorithm}");
            throw new InvalidKeyException($"found {name} key; {expected}");
        }

        var key = ECDsa.Create();
        try
        {
            import(key);
            RequireP256(key, expected);
            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new InvalidKeyException($"the \"{label}\" block does not hold a valid key ({e.Message}); {expected}");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void RequireP256(ECDsa key, string expected)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed)
        {
            throw new InvalidKeyException($"found an EC key with explicit curve parameters; {expected} (a named curve)");
        }

        var oid = curve.Oid.Value ?? curve.Oid.FriendlyName ?? "?";
        if (oid != P256)
        {
            throw new InvalidKeyException($"found an EC key on curve {Curves.GetValueOrDefault(oid, oid)}; {expected}");
        }
    }

    // PrivateKeyInfo (PKCS #8) and SubjectPublicKeyInfo both name their algorithm in an AlgorithmIdentifier near the start.
    private static string? AlgorithmOf(byte[] der, bool privateKeyInfo)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            if (privateKeyInfo)
            {
                _ = info.ReadInteger();
            }

            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
