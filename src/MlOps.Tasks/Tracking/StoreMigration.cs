namespace MlOps.Tasks.Tracking;

/// <summary>One step of the store's schema: the SQL that takes a database from version <c>Version - 1</c> to <paramref name="Version"/>, per engine.</summary>
/// <param name="Version">The schema version after this step.</param>
/// <param name="Sqlite">SQLite's statements, run in the step's transaction.</param>
/// <param name="Postgres">PostgreSQL's statements for the same tables, columns, keys and rules.</param>
internal sealed record StoreMigration(int Version, string Sqlite, string Postgres);
