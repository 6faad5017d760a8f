using System.Net.Sockets;
using System.Text;
using MlOps.Testing;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>An HTTP/1.1 request written byte for byte to a loopback port, so a case can send what no client library would.</summary>
internal static class RawHttp
{
    /// <summary>A response: status code, headers (names lowercase) and body as text.</summary>
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Sends <paramref name="head"/> (request line and headers, no blank line) and <paramref name="body"/>; reads until the server closes.</summary>
    public static async Task<Response> SendAsync(int port, string head, byte[] body)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TestTimeLimits.Request);
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n").TrimEnd() + "\r\nConnection: close\r\n\r\n"), timeout.Token);
        try
        {
            // No half-close after the body: Kestrel takes it for a client that went away and does not answer.
            await stream.WriteAsync(body, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer (413) and close before it has read a large body.
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer: what was read is the answer.
        }

        return Parse(received.ToArray());
    }

    private static Response Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.That(end, Is.GreaterThan(0), $"not an HTTP response: '{Encoding.UTF8.GetString(bytes)}'");
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new Response(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(body));
    }

    // Chunk sizes count bytes, so the body is put together before it is decoded.
    private static byte[] Unchunk(byte[] chunked)
    {
        using var result = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                break;
            }

            result.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }

        return result.ToArray();
    }
}
