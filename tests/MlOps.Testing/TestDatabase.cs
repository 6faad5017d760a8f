namespace MlOps.Testing;

/// <summary>
/// One test's database on <see cref="LoopbackPostgres"/>, owned by <see cref="LoopbackPostgres.User"/>. Disposing it drops it
/// (<c>WITH (FORCE)</c>, so connections left open do not keep it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<TestDatabase, Task> drop;

    internal TestDatabase(string name, int port, string connectionString, Func<TestDatabase, Task> drop)
    {
        Name = name;
        ConnectionString = connectionString;
        Uri = new Uri($"postgresql://{LoopbackPostgres.User}@127.0.0.1:{port}/{name}");
        this.drop = drop;
    }

    /// <summary><c>t_</c> and a guid's 32 hex digits.</summary>
    public string Name { get; }

    /// <summary>Npgsql's keyword form: <c>Host=127.0.0.1;Port=…;Username=mlops;Database=t_…</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>libpq's URI form: <c>postgresql://mlops@127.0.0.1:…/t_…</c>.</summary>
    public Uri Uri { get; }

    public async ValueTask DisposeAsync() => await drop(this);
}
