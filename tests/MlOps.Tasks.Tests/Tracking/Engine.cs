namespace MlOps.Tasks.Tests.Tracking;

/// <summary>The store's database engines: the store's tests run on each (<c>[TestFixture(Engine.Sqlite)]</c>, <c>[TestFixture(Engine.Postgres)]</c>).</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}
