namespace MlOps.Tasks.Tracking;

/// <summary>The database of a tracking store. Shown as <see cref="Display"/>, which never holds a password.</summary>
public abstract record StoreDatabase(string Display)
{
    /// <summary><see cref="Display"/>: a record's own text would list every field, a connection string with its password included.</summary>
    public sealed override string ToString() => Display;
}

/// <summary>An SQLite database file: one machine's store, or a file every process on it shares.</summary>
/// <param name="Path">The file's full path.</param>
public sealed record SqliteDatabase(string Path) : StoreDatabase(Path);

/// <summary>A PostgreSQL database: a team's store, shared by every runner and laptop that can reach it.</summary>
/// <param name="ConnectionString">Npgsql's connection string; a password in it came from MLOPS_STORE, never from the command line.</param>
/// <param name="Display">The URI with any password masked, e.g. <c>postgresql://ci:***@db:5432/mlops</c>.</param>
public sealed record PostgresDatabase(string ConnectionString, string Display) : StoreDatabase(Display)
{
    /// <summary>The URI as it was given, with its parameters (sslmode…), when it holds no password; null when it does.</summary>
    public string? Uri { get; init; }
}
