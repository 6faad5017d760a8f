using System.Buffers;
using System.Security.Cryptography;

namespace MlOps.Models.Audit;

/// <summary>The background writer: numbers, hashes, rotates and writes the queued records.</summary>
public sealed partial class AuditLog
{
    // A batch is handed to the operating system when the queue runs empty or it grows past this.
    private const int BatchBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> batch = new(BatchBytes);
    private FileStream active;
    private long activeBytes;
    private long activeFirstSeq;
    private long nextSeq;
    private long flushedSeq;
    private string prev;

    private async Task WriteQueuedAsync()
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (queue.Reader.TryRead(out var body))
                {
                    Write(body, sha256);
                }

                Flush();
            }
        }
#pragma warning disable CA1031 // Any failure stops the log; it is rethrown to every later caller, not swallowed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
            queue.Writer.TryComplete(e);
        }
        finally
        {
            await active.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Write(byte[] body, IncrementalHash sha256)
    {
        if (options.MaxBytes > 0 && activeBytes >= options.MaxBytes)
        {
            Rotate();
        }

        var before = batch.WrittenCount;
        prev = AuditRecord.Append(batch, nextSeq++, prev, body, sha256);
        activeBytes += batch.WrittenCount - before;
        if (batch.WrittenCount >= BatchBytes)
        {
            Flush();
        }
    }

    // Whole lines only, so a reader of the live file never sees half a record unless the writer dies mid-write.
    private void Flush()
    {
        if (batch.WrittenCount > 0)
        {
            active.Write(batch.WrittenSpan);
            batch.ResetWrittenCount();
            Volatile.Write(ref flushedSeq, nextSeq - 1);
        }
    }

    private void Rotate()
    {
        Flush();
        active.Dispose();
        File.Move(options.Path, AuditSegments.NameFor(options.Path, activeFirstSeq));
        active = OpenActive();
        (activeBytes, activeFirstSeq) = (0, nextSeq);
    }

    // No FileStream buffer: the batch is the buffer, and each write goes to the operating system whole.
    private FileStream OpenActive() => new(options.Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
}
