using System.Data.Common;
using Microsoft.Data.Sqlite;
using MlOps.Tasks.Tracking;
using MlOps.Testing;
using Npgsql;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>
/// A tracking store on a test clock, with raw SQL access to its database: an SQLite file in a temporary folder, or a database of its
/// own on the test PostgreSQL server (dropped on dispose); the local folder is a temporary one either way.
/// </summary>
internal sealed class TestStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private readonly TestDatabase? postgres;

    public TestStore(Engine engine = Engine.Sqlite, string? artifacts = null)
    {
        Engine = engine;
        if (engine == Engine.Postgres)
        {
            postgres = LoopbackPostgres.StartAsync().GetAwaiter().GetResult().CreateDatabaseAsync().GetAwaiter().GetResult();
            Location = StoreLocation.Resolve(Temp.Path, null, postgres.Uri.ToString());
        }
        else
        {
            Location = StoreLocation.InFolder(Temp[".mlops"]);
        }

        Location = Location with { Artifacts = artifacts is null ? null : Temp[artifacts] };
        Store = Open(StoreSchema.Migrations);
    }

    public Engine Engine { get; }

    public TempDirectory Temp { get; } = new();

    public TestClock Clock { get; } = new(Start);

    public StoreLocation Location { get; }

    public TrackingStore Store { get; private set; }

    public string Directory => Temp[".mlops"];

    /// <summary>The PostgreSQL database's URI, as MLOPS_STORE would name it; null for SQLite.</summary>
    public string? DatabaseUri => postgres?.Uri.ToString();

    /// <summary>Rows whose foreign key has no row to point at: SQLite's <c>PRAGMA foreign_key_check</c>; none on PostgreSQL, which refuses them.</summary>
    public object? ForeignKeyProblems() => Engine == Engine.Sqlite ? Sql("PRAGMA foreign_key_check") : null;

    /// <summary>Closes the store and opens it again with <paramref name="migrations"/> (default: this build's).</summary>
    public TrackingStore Reopen(IReadOnlyList<StoreMigration>? migrations = null)
    {
        Store.Dispose();
        Store = Open(migrations ?? StoreSchema.Migrations);
        return Store;
    }

    /// <summary>The store as another machine opens it: the same database, a local folder of its own (<c>machines/&lt;name&gt;</c>), no artifact root named.</summary>
    public TrackingStore OnAnotherMachine(string name) =>
        TrackingStore.Open(new StoreLocation(Temp[$"machines/{name}"], Location.Database), Clock, StoreSchema.Migrations);

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
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The schema version the database records.</summary>
    public int SchemaVersion => Convert.ToInt32(
        Sql(Engine == Engine.Sqlite ? "PRAGMA user_version" : "SELECT version FROM mlops_schema"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records <paramref name="version"/> as the schema version, as a build that knew it would have.</summary>
    public void SetSchemaVersion(int version) =>
        Sql(Engine == Engine.Sqlite ? $"PRAGMA user_version = {version}" : $"UPDATE mlops_schema SET version = {version}");

    public void Dispose()
    {
        Store.Dispose();
        Temp.Dispose();
        postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private DbConnection Connect()
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(Directory, "mlops.db")};Pooling=False")
            : new NpgsqlConnection(postgres.ConnectionString);
        connection.Open();
        return connection;
    }

    private TrackingStore Open(IReadOnlyList<StoreMigration> migrations) => TrackingStore.Open(Location, Clock, migrations);
}
