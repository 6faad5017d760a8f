using System.Diagnostics;
using MlOps.Tasks.Tracking;

namespace StoreLatency;

/// <summary>
/// The timed series on one store: registering versions (each of a new finished run, made beforehand and not timed), resolving an
/// alias, and two writer threads registering at once, each with a store instance of its own (as two builds would).
/// </summary>
internal sealed class StoreSeries(StoreLocation location, int warmUp)
{
    private const string Alias = "candidate";
    private const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Registers <paramref name="count"/> versions of <paramref name="model"/> after <c>warmUp</c> untimed ones.</summary>
    public Latencies Register(string model, int count)
    {
        using var store = TrackingStore.Open(location);
        var warmUpRuns = FinishedRuns(store, warmUp);
        var runs = FinishedRuns(store, count);
        foreach (var run in warmUpRuns)
        {
            store.Registry.RegisterVersion(model, run, "bench", Sha256, Alias, "bench");
        }

        return Timed(count, i => store.Registry.RegisterVersion(model, runs[i], "bench", Sha256, Alias, "bench"));
    }

    /// <summary>Resolves the alias of <paramref name="model"/> <paramref name="count"/> times after <c>warmUp</c> untimed ones.</summary>
    public Latencies Resolve(string model, int count)
    {
        using var store = TrackingStore.Open(location);
        for (var i = 0; i < warmUp; i++)
        {
            store.Registry.ResolveVersion(model, Alias);
        }

        return Timed(count, _ => store.Registry.ResolveVersion(model, Alias)
            ?? throw new InvalidOperationException($"{model}: alias '{Alias}' does not resolve."));
    }

    /// <summary>
    /// <paramref name="writers"/> threads, each with its own store, register <paramref name="each"/> versions of one model at once;
    /// the wall time runs from their common start to the last one's end.
    /// </summary>
    public Latencies RegisterConcurrently(string model, int writers, int each)
    {
        var stores = Enumerable.Range(0, writers).Select(_ => TrackingStore.Open(location)).ToList();
        try
        {
            var runs = stores.Select(store => FinishedRuns(store, each)).ToList();
            var samples = new double[writers][];
            using var start = new Barrier(writers + 1);
            var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
            {
                start.SignalAndWait();
                samples[w] = Timed(each, i => stores[w].Registry.RegisterVersion(model, runs[w][i], "bench", Sha256, Alias, "bench"))
                    .Milliseconds.ToArray();
            })).ToList();
            threads.ForEach(thread => thread.Start());
            start.SignalAndWait();
            var wall = Stopwatch.StartNew();
            threads.ForEach(thread => thread.Join());
            return new Latencies(samples.SelectMany(s => s).ToList(), wall.Elapsed);
        }
        finally
        {
            stores.ForEach(store => store.Dispose());
        }
    }

    private static List<string> FinishedRuns(TrackingStore store, int count)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var run = store.Runs.StartRun("bench");
            store.Runs.EndRun(run.Id, RunStatus.Finished);
            ids.Add(run.Id);
        }

        return ids;
    }

    private static Latencies Timed(int count, Func<int, ModelVersion> operation)
    {
        var samples = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            operation(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Latencies(samples, wall.Elapsed);
    }
}
