namespace MlOps.Models.Audit;

/// <summary>Reads a log file's lines as bytes: all of them in order, or only its ends.</summary>
internal static class AuditLines
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Every line of <paramref name="path"/>, in order; the buffer is reused, so use each before the next.</summary>
    public static IEnumerable<AuditLine> Read(string path)
    {
        using var stream = OpenRead(path);
        var buffer = new byte[ChunkSize];
        var (start, end, number) = (0, 0, 0L);
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return new AuditLine(++number, buffer.AsMemory(start, newline), IsComplete: true);
                start += newline + 1;
                continue;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (start, end) = (0, end - start);
            }
            else if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > start)
                {
                    yield return new AuditLine(++number, buffer.AsMemory(start, end - start), IsComplete: false);
                }

                yield break;
            }

            end += read;
        }
    }

    /// <summary>The first line of <paramref name="path"/> when it is complete, else null.</summary>
    public static byte[]? FirstComplete(string path)
    {
        foreach (var line in Read(path))
        {
            return line.IsComplete ? line.Bytes.ToArray() : null;
        }

        return null;
    }

    /// <summary>
    /// The last complete line of <paramref name="path"/> (null when there is none), and whether a
    /// partial line follows it. Reads backwards from the end, so the file's size does not matter.
    /// </summary>
    public static (byte[]? LastComplete, bool IsTorn) ReadEnd(string path)
    {
        using var stream = OpenRead(path);
        var length = stream.Length;
        if (length == 0)
        {
            return (null, false);
        }

        stream.Position = length - 1;
        var torn = stream.ReadByte() != '\n';
        var end = torn ? LastNewline(stream, length) : length - 1;
        if (end < 0)
        {
            return (null, torn);
        }

        var start = LastNewline(stream, end) + 1;
        var line = new byte[end - start];
        stream.Position = start;
        stream.ReadExactly(line);
        return (line, torn);
    }

    // The position of the last newline before `before`, or -1.
    private static long LastNewline(FileStream stream, long before)
    {
        var chunk = new byte[(int)Math.Min(ChunkSize, Math.Max(before, 1))];
        var position = before;
        while (position > 0)
        {
            var size = (int)Math.Min(chunk.Length, position);
            position -= size;
            stream.Position = position;
            stream.ReadExactly(chunk, 0, size);
            var index = chunk.AsSpan(0, size).LastIndexOf((byte)'\n');
            if (index >= 0)
            {
                return position + index;
            }
        }

        return -1;
    }

    // The writer appends while the verifier reads, and may rotate the file away meanwhile.
    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
}
