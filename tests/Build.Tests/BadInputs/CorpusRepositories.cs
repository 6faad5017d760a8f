using Microsoft.Data.Sqlite;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// The repositories the corpus copies from, made once per test run and only when a case needs them: the quick
/// sample with its data generated, and the same trained and gated (v1, candidate and staging).
/// </summary>
[SetUpFixture]
public sealed class CorpusRepositories
{
    private static readonly Lazy<BuildProgram> Sample = new(() => Made("--target=PullData"));
    private static readonly Lazy<BuildProgram> Gated = new(() => Made("--target=BiasCheck"));

    /// <summary>The quick sample with data/ generated.</summary>
    internal static string WithData => Sample.Value.Repository.Path;

    /// <summary>The quick sample trained and gated: v1 registered, its bundle signed by the store's key.</summary>
    internal static string Trained => Gated.Value.Repository.Path;

    /// <summary>A fresh quick-sample repository holding a copy of <paramref name="source"/>.</summary>
    internal static BuildProgram CopyOf(string source)
    {
        var build = BuildProgram.QuickSample();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = build.Repository[Path.GetRelativePath(source, file)];
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        Relocate(build.Repository[".mlops/mlops.db"], source, build.Repository.Path);
        return build;
    }

    [OneTimeTearDown]
    public void Remove()
    {
        foreach (var made in new[] { Sample, Gated }.Where(m => m.IsValueCreated))
        {
            made.Value.Dispose();
        }
    }

    /// <summary>The registry records each bundle by its full path: point the copy's versions at the copy's own bundles.</summary>
    private static void Relocate(string store, string from, string to)
    {
        if (!File.Exists(store))
        {
            return;
        }

        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE model_versions SET source = replace(source, @from, @to)";
        command.Parameters.AddWithValue("@from", from);
        command.Parameters.AddWithValue("@to", to);
        command.ExecuteNonQuery();
    }

    private static BuildProgram Made(string target)
    {
        var build = BuildProgram.QuickSample();
        var result = build.Run(target);
        Assert.That(result.ExitCode, Is.Zero, $"{target} in the corpus's shared repository: {result.Output}{result.Errors}");
        return build;
    }
}
