using System.Threading.Channels;

namespace MlOps.Models.Audit;

/// <summary>
/// An append-only, hash-chained log of scored requests: one JSON line per record, each holding the
/// hash of the one before, so that an edited, removed or reordered record is found by
/// <see cref="AuditLogVerifier"/>. One background writer numbers, hashes and writes records in queue
/// order, and hands them to the operating system in batches whenever the queue runs empty; an append
/// completes once its batch is written (write(2): in the page cache, so a killed process loses nothing
/// it was told was logged; not fsynced, so a machine crash can). One <see cref="AuditLog"/> per file:
/// two writers would break the chain.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    private readonly AuditLogOptions options;
    private readonly Channel<Queued> queue;
    private readonly Task writer;
    private readonly FileStream ownership;
    private volatile Exception? failure;
    private int disposed;

    private AuditLog(AuditLogOptions options, FileStream ownership, AuditResume resume)
    {
        this.options = options;
        this.ownership = ownership;
        queue = Channel.CreateBounded<Queued>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,

            // An idle writer wakes on the appending thread and writes its record there, so a request that finds
            // the writer idle waits for no other thread; under load the writer runs on and batches.
            AllowSynchronousContinuations = true,
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
    /// Queues <paramref name="entry"/> to be written as the next record, and completes once the batch
    /// that holds it has been handed to the operating system. Waits for room first when
    /// <see cref="AuditLogOptions.Capacity"/> records are queued; <paramref name="cancellationToken"/>
    /// cancels only that wait: a queued record is written.
    /// </summary>
    /// <exception cref="ArgumentException">A number is not finite, or the inputs are not one JSON object.</exception>
    /// <exception cref="IOException">The writer failed (e.g. the disk is full); this record and the ones after it are not logged.</exception>
    /// <exception cref="ObjectDisposedException">The log was disposed.</exception>
    public ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new Queued(AuditRecord.Body(entry));
        return queue.Writer.TryWrite(record) ? new ValueTask(record.Task) : WaitToAppendAsync(record, cancellationToken);
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

    private async ValueTask WaitToAppendAsync(Queued record, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw Stopped();
        }

        await record.Task.ConfigureAwait(false);
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
        ? new IOException($"The audit log {options.Path} stopped after record {Volatile.Read(ref flushedSeq)} ({cause.Message.TrimEnd('.')}); "
            + "records after it are not logged.", cause)
        : new ObjectDisposedException(nameof(AuditLog), $"The audit log {options.Path} is closed.");
}
