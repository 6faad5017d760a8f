using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class StoreLocationTests
{
    [Test]
    public void Should_Take_Store_Before_The_Variable_Before_Mlops()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var given = StoreLocation.Resolve(temp.Path, "shared/store", "elsewhere");
        var variable = StoreLocation.Resolve(temp.Path, null, "elsewhere");
        var fallback = StoreLocation.Resolve(temp.Path, null, "");

        // Then
        Assert.That((given.Folder, variable.Folder, fallback.Folder), Is.EqualTo((temp["shared/store"], temp["elsewhere"], temp[".mlops"])));
    }

    [Test]
    public void Should_Refuse_A_File_Naming_The_Option()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("notes.txt", "mine\n");

        // When
        var option = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, "notes.txt", null));
        var variable = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, null, "notes.txt/store"));

        // Then
        Assert.That(option.Message, Is.EqualTo("--store=notes.txt is a file; " +
            "the tracking store is a folder (it holds mlops.db and artifacts/): name a folder, new or existing, or leave --store out for .mlops."));
        Assert.That(variable.Message, Is.EqualTo("MLOPS_STORE=notes.txt/store is below notes.txt, which is a file; " +
            "the tracking store is a folder (it holds mlops.db and artifacts/): " +
            "name a folder, new or existing, or unset MLOPS_STORE for .mlops."));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_Refuse_A_Link_That_Loops_But_Follow_One_To_A_Folder()
    {
        // Given
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["real"]);
        File.CreateSymbolicLink(temp["loop"], "loop");
        Directory.CreateSymbolicLink(temp["linked"], "real");
        try
        {
            // When
            var error = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, "loop", null));
            var linked = StoreLocation.Resolve(temp.Path, "linked", null);

            // Then
            Assert.That(error.Message, Is.EqualTo("--store=loop is a symbolic link that cannot be followed " +
                "(it loops, or its target does not exist); the tracking store is a folder (it holds mlops.db and artifacts/): " +
                "name a folder, new or existing, or leave --store out for .mlops."));
            Assert.That(linked.Folder, Is.EqualTo(temp["linked"]));
        }
        finally
        {
            File.Delete(temp["loop"]);
            Directory.Delete(temp["linked"]);
        }
    }

    [Test]
    public void Should_Read_Sqlite_Uris_As_Sqlalchemy_Does()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var relative = StoreLocation.Resolve(temp.Path, "sqlite:///team/history.db", null);
        var absolute = StoreLocation.Resolve(temp.Path, $"sqlite:///{temp["abs/other.db"]}", null);

        // Then
        Assert.That(relative, Is.EqualTo(new StoreLocation(temp["team"], new SqliteDatabase(temp["team/history.db"]))));
        Assert.That(absolute.Database, Is.EqualTo(new SqliteDatabase(temp["abs/other.db"])));
    }

    [TestCase("postgresql://ci@db.example:5433/mlops?sslmode=require", "postgresql://ci@db.example:5433/mlops", "Host=db.example;Port=5433;Database=mlops")]
    [TestCase("postgres://ci@db/mlops", "postgresql://ci@db:5432/mlops", "Host=db;Port=5432;Database=mlops")]
    [TestCase("postgresql+psycopg2://127.0.0.1/team%20store", "postgresql://127.0.0.1:5432/team store", "Host=127.0.0.1;Port=5432;Database=\"team store\"")]
    public void Should_Read_Postgresql_Uris_As_Mlflow_Writes_Them(string uri, string display, string start)
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var location = StoreLocation.Resolve(temp.Path, uri, null);

        // Then
        var database = (PostgresDatabase)location.Database;
        Assert.That((location.Folder, location.Display, location.ToString()), Is.EqualTo((temp[".mlops"], display, display)));
        Assert.That(database.ConnectionString, Does.StartWith(start));
        Assert.That(database.ConnectionString, Does.Contain("SSL Mode=Require").Or.Not.Contain("sslmode"));
    }

    [Test]
    public void Should_Refuse_A_Password_On_The_Command_Line_Without_Showing_It()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var error = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, "postgresql://ci:hunter2@db/mlops", null));

        // Then
        Assert.That(error.Message, Does.StartWith("--store=postgresql://ci:***@db/mlops holds a password").And.Contain("PGPASSWORD").And.Not.Contain("hunter2"));
    }

    [Test]
    public void Should_Take_A_Password_From_The_Variable_But_Never_Show_It()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var location = StoreLocation.Resolve(temp.Path, null, "postgresql://ci:hunter2@db/mlops");

        // Then
        Assert.That(((PostgresDatabase)location.Database).ConnectionString, Does.Contain("Password=hunter2"));
        Assert.That((location.Display, location.ToString(), location.Database.ToString()), Is.EqualTo(
            ("postgresql://ci:***@db:5432/mlops", "postgresql://ci:***@db:5432/mlops", "postgresql://ci:***@db:5432/mlops")));
    }

    [TestCase("mysql://ci@db/mlops", "--store=mysql://ci@db/mlops: a 'mysql:' store is not supported")]
    [TestCase("postgresql://ci@db", "--store=postgresql://ci@db names no database")]
    [TestCase("postgresql://ci@db/mlops?pool=9", "--store=postgresql://ci@db/mlops?pool=9: the parameter 'pool' is not understood")]
    [TestCase("postgresql://ci@db/mlops?sslmode=always", "--store=postgresql://ci@db/mlops?sslmode=always: sslmode=always is not one of disable")]
    [TestCase("sqlite://mlops.db", "--store=sqlite://mlops.db is not an SQLite URI")]
    public void Should_Refuse_A_Uri_It_Cannot_Use_Saying_What_It_Takes(string uri, string start)
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var error = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, uri, null));

        // Then
        Assert.That(error.Message, Does.StartWith(start));
    }

    [TestCase("--store", "postgresql://ci:ab/cd@db/mlops", "--store=postgresql://ci:***@db/mlops is not a PostgreSQL URI")]
    [TestCase("--store", "postgresql://ci@db/mlops?password=hunter2", "--store=postgresql://ci@db/mlops?password=*** holds a password")]
    [TestCase("MLOPS_STORE", "postgresql://ci:ab/cd@db/mlops", "MLOPS_STORE=postgresql://ci:***@db/mlops is not a PostgreSQL URI")]
    public void Should_Never_Show_A_Password_In_A_Refusal(string source, string uri, string start)
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var error = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, source == "--store" ? uri : null, source == "--store" ? null : uri));

        // Then
        Assert.That(error!.Message, Does.StartWith(start).And.Not.Contain("hunter2").And.Not.Contain("ab/cd"));
    }

    [Test]
    public void Should_Take_A_Password_Parameter_From_The_Variable_And_Keep_No_Uri_To_Pass_On()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var withPassword = (PostgresDatabase)StoreLocation.Resolve(temp.Path, null, "postgresql://ci@db/mlops?password=hunter2&sslmode=require").Database;
        var without = (PostgresDatabase)StoreLocation.Resolve(temp.Path, "postgresql://ci@db/mlops?sslmode=require", null).Database;

        // Then
        Assert.That(withPassword.ConnectionString, Does.Contain("Password=hunter2"));
        Assert.That((withPassword.Uri, without.Uri), Is.EqualTo(((string?)null, "postgresql://ci@db/mlops?sslmode=require")));
    }
}
