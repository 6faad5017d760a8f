namespace MlOps.Serving;

/// <summary>Every request's id: the caller's <c>X-Request-Id</c> when it is a sensible one, else a new time-ordered one. Echoed in the response and the audit log.</summary>
internal static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string Of(HttpContext http)
    {
        var given = http.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 128 && Sensible(given) ? given : New();
        http.Response.Headers[Header] = id;
        return id;
    }

    /// <summary>
    /// A UUID version 7 (RFC 9562) as 32 hex digits: the Unix time in milliseconds, then 74 random bits.
    /// The bits come from <see cref="Random.Shared"/> rather than the cryptographic generator
    /// <see cref="Guid.CreateVersion7()"/> uses: an id names a request, it guards nothing, and the
    /// cryptographic draw was 4 % of the server's CPU under load (docs/benchmarks.md).
    /// </summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var millis = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, millis >>= 8)
        {
            bytes[i] = (byte)millis;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return Convert.ToHexStringLower(bytes);
    }

    private static bool Sensible(string id)
    {
        foreach (var c in id)
        {
            if (c is <= ' ' or >= (char)127)
            {
                return false;
            }
        }

        return true;
    }
}
