using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>
/// A separate process writing to a tracking store: tests/StoreWriter, built beside the tests because this
/// project references it (the SDK copies a referenced Exe's runtimeconfig.json and deps.json, so
/// <c>dotnet StoreWriter.dll</c> runs from the test folder).
/// </summary>
internal sealed class StoreWriterProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> errors = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StoreWriterProcess(string storeDirectory, string? databaseUri, int count, string writer, int meet)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MLOPS_STORE"] = databaseUri;
        foreach (var argument in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "StoreWriter.dll"),
            storeDirectory, count.ToString(CultureInfo.InvariantCulture), writer, meet.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Received(line.Data);
        process.ErrorDataReceived += (_, line) => errors.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The version numbers it has printed, each after its commit.</summary>
    public IReadOnlyList<int> Versions =>
        lines.Where(line => line.StartsWith('v')).Select(line => int.Parse(line[1..], CultureInfo.InvariantCulture)).ToList();

    public string Errors => string.Join('\n', errors).Trim();

    /// <summary>
    /// Starts a writer on <paramref name="store"/>'s folder and database that will register <paramref name="count"/> versions, and waits
    /// until it has opened the store; after its first version it waits until the store holds <paramref name="meet"/> versions (writers
    /// started with the same number meet there).
    /// </summary>
    public static StoreWriterProcess Start(TestStore store, int count, string writer, int meet = 0)
    {
        var started = new StoreWriterProcess(store.Directory, store.DatabaseUri, count, writer, meet);
        started.Wait(started.ready.Task, "open the store");
        return started;
    }

    /// <summary>Lets it write.</summary>
    public void Go() => process.StandardInput.WriteLine("go");

    /// <summary>Waits until it has registered a version.</summary>
    public void WaitForFirstVersion() => Wait(registered.Task, "register a version");

    /// <summary>Waits for it to finish and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!process.WaitForExit(MlOps.Testing.TestTimeLimits.Run))
        {
            Assert.Fail($"the store writer did not finish in {MlOps.Testing.TestTimeLimits.Run}; it printed {lines.Count} lines and: {Errors}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Kills it with SIGKILL, as the kernel's OOM killer or a cancelled CI job would.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            // It exited: whoever waits sees why in the exit code and Errors.
            ready.TrySetResult();
            registered.TrySetResult();
            return;
        }

        lines.Enqueue(line);
        (line == "ready" ? ready : registered).TrySetResult();
    }

    private void Wait(Task task, string what)
    {
        if (!task.Wait(MlOps.Testing.TestTimeLimits.Step))
        {
            Assert.Fail($"the store writer did not {what} within {MlOps.Testing.TestTimeLimits.Step}: {Errors}");
        }
    }
}
