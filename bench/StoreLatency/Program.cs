using System.Globalization;
using MlOps.Tasks.Tracking;
using StoreLatency;

// StoreLatency [--postgres=postgresql://user@host:port/database] [--ops=1000] [--warm-up=50] [--writers=2]
// Times the tracking store's registry on SQLite (a temp folder) and, given a URI, on PostgreSQL; prints a markdown table.
var options = args.Select(arg => arg.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
var ops = int.Parse(options.GetValueOrDefault("--ops", "1000"), CultureInfo.InvariantCulture);
var warmUp = int.Parse(options.GetValueOrDefault("--warm-up", "50"), CultureInfo.InvariantCulture);
var writers = int.Parse(options.GetValueOrDefault("--writers", "2"), CultureInfo.InvariantCulture);
var scratch = Directory.CreateTempSubdirectory("mlops-store-latency-").FullName;
try
{
    var engines = new List<(string Name, StoreLocation Location)> { ("SQLite", StoreLocation.InFolder(Path.Combine(scratch, "store"))) };
    if (options.TryGetValue("--postgres", out var uri))
    {
        engines.Add(("PostgreSQL", StoreLocation.Resolve(scratch, uri, null)));
    }

    Console.WriteLine("| Engine | Operation | Ops | Median ms | p90 ms | p99 ms | Max ms | Wall | Ops/s |");
    Console.WriteLine("|:---|:---|---:|---:|---:|---:|---:|---:|---:|");
    var notes = new List<string>();
    foreach (var (name, location) in engines)
    {
        var series = new StoreSeries(location, warmUp);
        var register = series.Register("bench-many", ops);
        Console.WriteLine(register.Row(name, $"RegisterVersion (v{warmUp + 1}–v{warmUp + ops})"));
        Console.WriteLine(series.Resolve("bench-many", ops).Row(name, $"ResolveVersion, {warmUp + ops} versions"));
        new StoreSeries(location, warmUp: 1).Register("bench-one", 0);
        Console.WriteLine(series.Resolve("bench-one", ops).Row(name, "ResolveVersion, 1 version"));
        var concurrent = series.RegisterConcurrently("bench-shared", writers, ops / writers);
        Console.WriteLine(concurrent.Row(name, $"RegisterVersion, {writers} writers × {ops / writers}"));
        var tenth = Math.Max(1, ops / 10);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name}: RegisterVersion median of the first {tenth} {register.MedianOf(0, tenth):0.00} ms, of the last {tenth} " +
            $"{register.MedianOf(ops - tenth, tenth):0.00} ms"));
    }

    Console.WriteLine();
    notes.ForEach(Console.WriteLine);
}
finally
{
    Directory.Delete(scratch, recursive: true);
}
