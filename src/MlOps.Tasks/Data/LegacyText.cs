namespace MlOps.Tasks.Data;

/// <summary>DVC 2's text detection and CRLF→LF conversion, needed to check DVC 2 pointers.</summary>
internal static class LegacyText
{
    /// <summary>DVC 2's <c>istextfile</c>: the first 512 bytes have no NUL and at most 30 % non-text bytes. Rewinds the stream.</summary>
    public static bool IsText(Stream stream)
    {
        Span<byte> block = stackalloc byte[512];
        var length = stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        block = block[..length];
        if (block.IsEmpty)
        {
            return true;
        }

        if (block.Contains((byte)0))
        {
            return false;
        }

        var nonText = 0;
        foreach (var b in block)
        {
            var text = b is >= 32 and < 127 or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or (byte)'\b';
            nonText += text ? 0 : 1;
        }

        return nonText <= 0.30 * block.Length;
    }

    /// <summary>Replaces CRLF by LF within one block, as DVC 2 did block by block.</summary>
    public static byte[] Dos2Unix(ReadOnlySpan<byte> block)
    {
        var output = new byte[block.Length];
        var length = 0;
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] == '\r' && i + 1 < block.Length && block[i + 1] == '\n')
            {
                continue;
            }

            output[length++] = block[i];
        }

        return output[..length];
    }
}
