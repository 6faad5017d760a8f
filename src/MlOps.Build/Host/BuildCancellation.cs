using System.Runtime.InteropServices;

namespace MlOps.Build.Host;

/// <summary>
/// The build's one registration for Ctrl+C and SIGTERM: either cancels <see cref="Token"/>, which every task passes to
/// the library. The signal then ends the process as it would without the registration, unless a task is inside
/// <see cref="Defer"/>: there the process lives on, and the task finishes or undoes its work on the cancelled token
/// (a deploy stopped half-way stops the server it was starting, or rolls back its swap).
/// </summary>
internal sealed class BuildCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int deferring;

    public BuildCancellation()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    /// <summary>Cancelled on Ctrl+C or SIGTERM.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Until disposed, a signal only cancels <see cref="Token"/> and does not end the process.</summary>
    public IDisposable Defer()
    {
        Interlocked.Increment(ref deferring);
        return new Deferral(this);
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }

    private void Cancel(PosixSignalContext signal)
    {
        // Only ever set: another registration of the process may have kept the process alive already.
        if (Volatile.Read(ref deferring) > 0)
        {
            signal.Cancel = true;
        }

        source.Cancel();
    }

    private sealed class Deferral(BuildCancellation owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner.deferring);
            }
        }
    }
}
