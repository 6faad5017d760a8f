using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.MSBuild.Tests;

/// <summary>
/// A repository with the sample pipeline (trained small: 60 iterations, no cross-validation), its generated data pinned by data.dvc,
/// and a project at its top that references the MlOps.MSBuild package from a test feed and sets MlOpsPipeline.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    /// <summary>The pipeline file, relative to the repository.</summary>
    public const string Pipeline = "pipelines/credit-scoring.yaml";

    /// <summary>The table Train reads, relative to the repository.</summary>
    public const string Table = "data/credit.csv";

    public ConsumerProject(PackageFeed package)
    {
        var text = File.ReadAllText(Path.Combine(Dotnet.SourceRoot, Pipeline));
        foreach (var (from, to) in new[] { ("number_of_iterations: 200", "number_of_iterations: 60"), ("folds: 5 ", "folds: 0 ") })
        {
            Assert.That(text, Does.Contain(from));
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        Repository.Write(Pipeline, text);
        Repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mlops-test" value="{package.Path}" />
              </packageSources>
            </configuration>
            """);
        Repository.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <MlOpsPipeline>{Pipeline}</MlOpsPipeline>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MlOps.MSBuild" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        new DataRestore(Repository.Path).Restore(PipelineFile.Load(Repository.Path, Pipeline).Data);
    }

    /// <summary>The repository, the project at its top.</summary>
    public TempDirectory Repository { get; } = new();

    /// <summary>The full path of a file of the pipeline's artifacts folder.</summary>
    public string Artifact(string name) => Repository[Path.Combine("artifacts", "credit-scoring", name)];

    /// <summary>Changes line <paramref name="line"/> (1-based) of the table and returns the line as it was.</summary>
    public string EditTable(int line, Func<string, string> change)
    {
        var lines = File.ReadAllLines(Repository[Table]);
        var before = lines[line - 1];
        lines[line - 1] = change(before);
        File.WriteAllText(Repository[Table], string.Join('\n', lines) + "\n");
        return before;
    }

    /// <summary>Changes the pipeline file: <paramref name="from"/> (which must occur) becomes <paramref name="to"/>; returns the line it is on.</summary>
    public int EditPipeline(string from, string to)
    {
        var text = File.ReadAllText(Repository[Pipeline]);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.That(at, Is.Not.Negative, from);
        File.WriteAllText(Repository[Pipeline], text.Replace(from, to, StringComparison.Ordinal));
        return text[..at].Count(c => c == '\n') + 1;
    }

    /// <summary>Pins the data as it is now in data.dvc, as TrackData does.</summary>
    public void TrackData() => new DataTracker(Repository.Path).Track("data");

    /// <summary><c>dotnet build</c> of the project, with detailed verbosity (MSBuild says which targets it skips, and why).</summary>
    public Dotnet.Result Build() => Dotnet.Run(Repository.Path, "build", "-nodeReuse:false", "-v:d", "-nologo");

    public void Dispose() => Repository.Dispose();
}
