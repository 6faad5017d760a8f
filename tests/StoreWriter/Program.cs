using System.Globalization;
using System.Security.Cryptography;
using MlOps.Tasks.Tracking;

// Writes to a tracking store as a build does, so that tests can run several at once or kill one midway.
// Usage: dotnet StoreWriter.dll <store-dir> <count> [writer-name] [meet]
// The database is MLOPS_STORE's when that is a URI (postgresql://…), as in a build; else <store-dir>/mlops.db.
// It prints "ready" once the store is open, then waits for a line on stdin, so that tests can let
// several writers go at the same moment. Each round: a run with params, a 5-step metric history
// (a millisecond of "training" per step) and a tag, ended Finished; then a registered version of
// model "m" with its bundle (alias candidate), and every third round an alias move to staging. Prints "v<number>"
// once a version is committed. With [meet], it waits after its first version until model "m" has that many, so that writers
// started together certainly overlap, however the machine schedules them.
if (args.Length is < 2 or > 4)
{
    Console.Error.WriteLine("Usage: StoreWriter <store-dir> <count> [writer-name] [meet]");
    return 2;
}

var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var writer = args.Length > 2 ? args[2] : "writer";
var meet = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var folder = Path.GetFullPath(args[0]);
var uri = Environment.GetEnvironmentVariable(StoreLocation.StoreVariable);
using var store = TrackingStore.Open(uri is { Length: > 0 } ? StoreLocation.Resolve(folder, null, uri) with { Folder = folder } : StoreLocation.InFolder(folder));
Console.WriteLine("ready");
Console.ReadLine();
for (var round = 0; round < count; round++)
{
    var run = store.Runs.StartRun("store-writer", $"{writer}-{round}");
    store.Runs.LogParams(run.Id, new Dictionary<string, string> { ["writer"] = writer, ["round"] = round.ToString(CultureInfo.InvariantCulture) });
    for (var step = 0; step < 5; step++)
    {
        store.Runs.LogMetric(run.Id, "loss", 1.0 / (step + 1), step);

        // An epoch of training: a build holds no lock between writes, and another writer gets its turn.
        Thread.Sleep(1);
    }

    store.Runs.SetTags(run.Id, new Dictionary<string, string> { ["writer"] = writer });
    store.Runs.EndRun(run.Id, RunStatus.Finished);
    var version = store.Registry.RegisterBundle("m", run.Id, "model.mlbundle", "candidate", writer, (number, _, path) =>
    {
        // A bundle big enough that a kill can land while it is written.
        var bytes = new byte[256 * 1024];
        new Random(number).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    });
    if (round % 3 == 2)
    {
        store.Registry.SetAlias("m", "staging", version.Version, writer, "round " + round.ToString(CultureInfo.InvariantCulture));
    }

    Console.WriteLine($"v{version.Version}");
    while (round == 0 && store.Registry.Models().Single().Versions.Count < meet)
    {
        Thread.Sleep(5);
    }
}

return 0;
