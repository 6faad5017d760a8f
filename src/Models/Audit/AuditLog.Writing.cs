using System.Buffers;
using System.Security.Cryptography;

namespace MlOps.Models.Audit;

/// <summary>The background writer: numbers, hashes, rotates and writes the queued records.</summary>
public sealed partial class AuditLog
{
    // A batch is handed to the operating system when the queue runs empty or it grows past this.
    private const int BatchBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> batch = new(BatchBytes);

    // The appends whose records are in the batch: they complete once it is written.
    private readonly List<Queued> unwritten = [];
    private FileStream active;
    private long activeBytes;
    private long activeFirstSeq;
    private long nextSeq;
    private long flushedSeq;
    private string prev;

    private async Task WriteQueuedAsync()
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Queued? record = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (queue.Reader.TryRead(out record))
                {
                    Write(record, sha256);
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
            FailUnwritten(record);
        }
        finally
        {
            await active.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Write(Queued record, IncrementalHash sha256)
    {
        if (options.MaxBytes > 0 && activeBytes >= options.MaxBytes)
        {
            Rotate();
        }

        var before = batch.WrittenCount;
        prev = AuditRecord.Append(batch, nextSeq++, prev, record.Body, sha256);
        unwritten.Add(record);
        activeBytes += batch.WrittenCount - before;
        if (batch.WrittenCount >= BatchBytes)
        {
            Flush();
        }
    }

    // Whole lines only, so a reader of the live file never sees half a record unless the writer dies mid-write.
    // Then the appends of the batch complete: their requests may be answered.
    private void Flush()
    {
        if (batch.WrittenCount > 0)
        {
            active.Write(batch.WrittenSpan);
            batch.ResetWrittenCount();
            Volatile.Write(ref flushedSeq, nextSeq - 1);
        }

        foreach (var written in unwritten)
        {
            written.TrySetResult();
        }

        unwritten.Clear();
    }

    // The writer stopped: the append it was writing, those in the batch and those still queued fail, so no request is answered as logged.
    private void FailUnwritten(Queued? writing)
    {
        if (writing is not null)
        {
            unwritten.Add(writing);
        }

        while (queue.Reader.TryRead(out var record))
        {
            unwritten.Add(record);
        }

        var stopped = Stopped();
        foreach (var written in unwritten)
        {
            written.TrySetException(stopped);
        }

        unwritten.Clear();
    }

    private void Rotate()
    {
        Flush();
        active.Dispose();
        File.Move(options.Path, AuditSegments.NameFor(options.Path, activeFirstSeq));
        active = OpenActive();
        (activeBytes, activeFirstSeq) = (0, nextSeq);
    }

    /// <summary>
    /// A record's body, waiting for the writer, and its append, which completes once it is written; with
    /// asynchronous continuations, so the requests waiting for a batch do not run on the writer.
    /// </summary>
    private sealed class Queued(byte[] body) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public byte[] Body { get; } = body;
    }

    // No FileStream buffer: the batch is the buffer, and each write goes to the operating system whole.
    private FileStream OpenActive() => new(options.Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
}
