namespace MlOps.Tasks.Tracking;

/// <summary>One step of the store's schema: the SQL that takes a database from version <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The <c>PRAGMA user_version</c> after this step.</param>
/// <param name="Sql">Statements run in the step's transaction.</param>
internal sealed record StoreMigration(int Version, string Sql);
