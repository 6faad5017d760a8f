using Microsoft.Data.Sqlite;
using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>A tracking store in a temporary folder, on a test clock, with raw SQL access to its database.</summary>
internal sealed class TestStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public TestStore()
    {
        Store = Open(StoreSchema.Migrations);
    }

    public TempDirectory Temp { get; } = new();

    public TestClock Clock { get; } = new(Start);

    public TrackingStore Store { get; private set; }

    public string Directory => Temp[".mlops"];

    /// <summary>Closes the store and opens it again with <paramref name="migrations"/> (default: this build's).</summary>
    public TrackingStore Reopen(IReadOnlyList<StoreMigration>? migrations = null)
    {
        Store.Dispose();
        Store = Open(migrations ?? StoreSchema.Migrations);
        return Store;
    }

    /// <summary>A run that has ended Finished.</summary>
    public RunRecord FinishedRun(string experiment = "credit-scoring")
    {
        var run = Store.Runs.StartRun(experiment);
        Store.Runs.EndRun(run.Id, RunStatus.Finished);
        return run;
    }

    /// <summary>Registers a version of <paramref name="model"/> from a new run.</summary>
    public ModelVersion Register(string model = "credit-scoring", string alias = "candidate") =>
        Store.Registry.RegisterVersion(model, FinishedRun().Id, "bundle.zip", new string('0', 64), alias, "ci");

    /// <summary>Runs SQL on the database through a connection of its own, as another program would.</summary>
    public object? Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Directory, "mlops.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        Store.Dispose();
        Temp.Dispose();
    }

    private TrackingStore Open(IReadOnlyList<StoreMigration> migrations) => TrackingStore.Open(Directory, Clock, migrations);
}
