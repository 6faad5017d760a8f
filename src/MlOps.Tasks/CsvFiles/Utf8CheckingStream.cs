using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MlOps.Tasks.CsvFiles;

/// <summary>
/// Passes a file's bytes through only once they are known to be UTF-8 (<see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>,
/// vectorised, a block of 64 KiB at a time), counting lines as it goes, so that a byte that is not UTF-8 is refused
/// with its line, column and offset instead of the decoder's "somewhere in this file".
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner, string file) : Stream
{
    private const int BlockSize = 1 << 16;
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int start;
    private int checkedEnd;
    private int end;
    private long blockOffset;
    private long line = 1;
    private long lineChars;
    private bool finished;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    /// <exception cref="InvalidFileException">The next bytes are not UTF-8; the message names line, column and offset.</exception>
    public override int Read(Span<byte> destination)
    {
        if (start == checkedEnd && !Fill())
        {
            return 0;
        }

        var count = Math.Min(destination.Length, checkedEnd - start);
        buffer.AsSpan(start, count).CopyTo(destination);
        start += count;
        return count;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    // Reads the next block after the unfinished character the last one ended in, and checks all of it but
    // such a character at its end. False at the end of the file.
    private bool Fill()
    {
        while (!finished)
        {
            var carried = end - checkedEnd;
            buffer.AsSpan(checkedEnd, carried).CopyTo(buffer);
            blockOffset += checkedEnd;
            (start, checkedEnd, end) = (0, 0, carried);
            var read = inner.Read(buffer.AsSpan(end, BlockSize - end));
            end += read;
            finished = read == 0;
            var block = buffer.AsSpan(0, end);
            var unfinished = finished ? 0 : UnfinishedTail(block);
            Check(block[..^unfinished]);
            checkedEnd = end - unfinished;
            if (checkedEnd > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            throw NotUtf8(bytes, FirstInvalid(bytes));
        }

        var lastNewline = bytes.LastIndexOf((byte)'\n');
        line += bytes.Count((byte)'\n');
        lineChars = lastNewline < 0 ? lineChars + Chars(bytes, blockOffset == 0) : Chars(bytes[(lastNewline + 1)..], false);
    }

    private InvalidFileException NotUtf8(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var lastNewline = before.LastIndexOf((byte)'\n');
        var column = lastNewline < 0 ? lineChars + Chars(before, blockOffset == 0) : Chars(before[(lastNewline + 1)..], false);
        var at = new SourceLocation(file, line + before.Count((byte)'\n'), column + 1);
        return new InvalidFileException(at,
            $"the file is not UTF-8: byte 0x{bytes[index]:X2} at offset {blockOffset + index} is not part of a UTF-8 character; "
            + "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8).");
    }

    // Characters as an editor counts columns (UTF-16 units), leaving out a byte order mark at the start of the file.
    private static long Chars(ReadOnlySpan<byte> bytes, bool fileStart) =>
        Encoding.UTF8.GetCharCount(fileStart && bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes);

    // The bytes of a character that the block cuts off, to be checked with the next block.
    private static int UnfinishedTail(ReadOnlySpan<byte> block)
    {
        for (var back = 1; back <= Math.Min(3, block.Length); back++)
        {
            var b = block[^back];
            if ((b & 0xC0) != 0x80)
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? back : 0;
            }
        }

        return 0;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) == OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }
}
