using System.Security.Cryptography;

namespace MlOps.Models.Bundles;

/// <summary>Lowercase hex digests, and their short form for messages.</summary>
internal static class Hex
{
    /// <summary>The lowercase hex sha256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>First and last four digits (<c>3f2a…9c01</c>): enough to tell two digests apart in a message.</summary>
    public static string Abbreviate(string digest) =>
        digest.Length <= 12 ? digest : $"{digest[..4]}…{digest[^4..]}";
}
