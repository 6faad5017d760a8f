using System.Threading.Channels;

namespace MlOps.Models.Audit;

/// <summary>
/// An append-only, hash-chained log of scored requests: one JSON line per record, each holding the
/// hash of the one before, so that an edited, removed or reordered record is found by
/// <see cref="AuditLogVerifier"/>. Appending only queues the record; one background writer numbers,
/// hashes and writes records in queue order, and hands them to the operating system whenever the
/// queue runs empty. One <see cref="AuditLog"/> per file: two writers would break the chain.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    private readonly AuditLogOptions options;
    private readonly Channel<byte[]> queue;
    private readonly Task writer;
    private readonly FileStream ownership;
    private volatile Exception? failure;
    private int disposed;

    private AuditLog(AuditLogOptions options, FileStream ownership, AuditResume resume)
    {
        this.options = options;
        this.ownership = ownership;
        queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        (prev, nextSeq, activeFirstSeq, flushedSeq) = (resume.LastHash, resume.LastSeq + 1, resume.ActiveFirstSeq, resume.LastSeq);
        active = OpenActive();
        activeBytes = active.Length;
        writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>
    /// Opens the log at <see cref="AuditLogOptions.Path"/>, creating its folder if needed, and
    /// continues the chain from the last complete record on disk. An active file that ends in a
    /// partial line (the writer stopped while writing it) is rotated away as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">The record to continue from is not an audit record.</exception>
    /// <exception cref="IOException">The folder or file cannot be created or read, or another writer holds the log.</exception>
    public static AuditLog Open(AuditLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Path))!);
        var ownership = Own(options.Path);
        try
        {
            return new AuditLog(options, ownership, AuditResume.Prepare(options.Path));
        }
        catch
        {
            ownership.Dispose();
            throw;
        }
    }

    /// <summary>Why the writer stopped (the disk is full, the file was removed), or null while it writes.</summary>
    public Exception? Failure => failure;

    /// <summary>
    /// Queues <paramref name="entry"/> to be written as the next record. Returns at once unless
    /// <see cref="AuditLogOptions.Capacity"/> records are waiting, then waits for room.
    /// </summary>
    /// <exception cref="ArgumentException">A number is not finite, or the inputs are not one JSON object.</exception>
    /// <exception cref="IOException">The writer failed (e.g. the disk is full); records are no longer logged.</exception>
    /// <exception cref="ObjectDisposedException">The log was disposed.</exception>
    public ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var body = AuditRecord.Body(entry);
        return queue.Writer.TryWrite(body) ? ValueTask.CompletedTask : WaitToAppendAsync(body, cancellationToken);
    }

    /// <summary>
    /// Writes every queued record, then closes the file. Appending after this throws.
    /// </summary>
    /// <exception cref="IOException">The writer failed, so records queued after the failure were not written.</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await ownership.DisposeAsync().ConfigureAwait(false);
        if (failure is not null)
        {
            throw Stopped();
        }
    }

    private async ValueTask WaitToAppendAsync(byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw Stopped();
        }
    }

    // An exclusive lock (flock on Unix) on <log>.lock for the writer's lifetime: a second writer would fork the chain.
    private static FileStream Own(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path + ".lock"))
        {
            throw new IOException($"The audit log {path} is in use by another writer (it holds {path}.lock); stop that server, or give this one another log.", e);
        }
    }

    private Exception Stopped() => failure is { } cause
        ? new IOException($"The audit log {options.Path} stopped after record {Volatile.Read(ref flushedSeq)} ({cause.Message.TrimEnd('.')}); records after it are not logged.", cause)
        : new ObjectDisposedException(nameof(AuditLog), $"The audit log {options.Path} is closed.");
}
