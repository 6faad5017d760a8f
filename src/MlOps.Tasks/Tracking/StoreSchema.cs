using System.Data.Common;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// The tracking store's schema as an ordered list of migrations, each with SQLite's and PostgreSQL's text of the same step
/// (<see cref="SqliteSteps"/>, <see cref="PostgresSteps"/>); the version reached is recorded in the database (<see cref="StoreEngine.SchemaVersion"/>).
/// Steps are only ever appended: a released step never changes, so any older store can be brought up to date.
/// Times are unix milliseconds (UTC) throughout.
/// </summary>
internal static partial class StoreSchema
{
    /// <summary>The migrations this build knows, in order.</summary>
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
        [.. SqliteSteps.Zip(PostgresSteps, (sqlite, postgres) => (sqlite, postgres)).Select((step, i) => new StoreMigration(i + 1, step.sqlite, step.postgres))];

    /// <summary>Applies the steps of <paramref name="migrations"/> the database lacks, each in its own write transaction.</summary>
    /// <exception cref="UsageException">The database was written by a newer build.</exception>
    public static void Migrate(StoreEngine engine, DbConnection connection, IReadOnlyList<StoreMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration {i + 1} is numbered {migrations[i].Version}; steps must be numbered 1, 2, … in order.");
            }
        }

        var known = migrations.Count;
        var found = engine.SchemaVersion(connection, null);
        ThrowIfNewer(found, known, engine.Display);
        if (found == known)
        {
            return;
        }

        foreach (var migration in migrations)
        {
            using var transaction = engine.Begin(connection, write: true);

            // Read again under the write lock: another process may have migrated since.
            var current = engine.SchemaVersion(connection, transaction);
            ThrowIfNewer(current, known, engine.Display);
            if (current >= migration.Version)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = engine.Sql(migration);
            command.ExecuteNonQuery();
            command.CommandText = engine.RecordSchemaVersion(migration.Version);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void ThrowIfNewer(int current, int known, string database)
    {
        if (current > known)
        {
            throw new UsageException(
                $"{database} has schema version {current}, but this build knows versions up to {known}; " +
                "update MlOps to use this store, or choose another store directory.");
        }
    }
}
