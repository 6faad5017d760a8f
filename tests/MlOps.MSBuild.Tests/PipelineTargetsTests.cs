using MlOps.Testing;

namespace MlOps.MSBuild.Tests;

/// <summary>
/// The package's targets as a consumer meets them: <c>dotnet build</c> of a project that imports them from the package runs the pipeline,
/// skips it when nothing changed (MSBuild's own incremental check), and fails on bad data with an error naming the file and line.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public sealed class PipelineTargetsTests
{
    private static readonly string[] Targets = ["MlOpsCheckData", "MlOpsValidateData", "MlOpsTrain", "MlOpsValidate", "MlOpsBiasCheck"];

    private PackageFeed package = null!;

    [OneTimeSetUp]
    public void PackOnce() => package = PackageFeed.Pack(Dotnet.SourceRoot, "src/MlOps.MSBuild/MlOps.MSBuild.csproj");

    [OneTimeTearDown]
    public void RemovePackage() => package.Dispose();

    [Test]
    public void Should_Run_The_Tasks_Then_Skip_Them_When_Nothing_Changed()
    {
        // Given
        using var consumer = new ConsumerProject(package);
        consumer.TrackData();

        // When
        var first = consumer.Build();
        var written = File.GetLastWriteTimeUtc(consumer.Artifact("metrics.json"));
        var second = consumer.Build();

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(first.Output, Does.Contain("CheckData: data: md5 "));
        Assert.That(first.Output, Does.Contain("ValidateData: 20,000 rows, 66/66 passed"));
        Assert.That(first.Output, Does.Match(@"Train: credit-scoring v1, auc 0\.7\d{3}"));
        Assert.That(first.Output, Does.Contain("Validate: v1: 7/7 checks passed"));
        Assert.That(first.Output, Does.Contain("BiasCheck: within limits; staging -> v1"));
        Assert.That(first.Output, Does.Match(@"Train: MlOps\.Tasks from \S+/tasks/net10\.0/MlOps\.Tasks\.dll, in the load context .*MSBuildLoadContext"));
        foreach (var artifact in new[] { "validation.json", "profile.json", "model.mlbundle", "metrics.json", "predictions.csv", "fairness.json" })
        {
            Assert.That(File.Exists(consumer.Artifact(artifact)), Is.True, artifact);
        }

        Assert.That(second.ExitCode, Is.Zero, second.Output);
        foreach (var target in Targets)
        {
            Assert.That(second.Output, Does.Contain($"Skipping target \"{target}\" because all output files are up-to-date with respect to the input files."));
        }

        Assert.That(second.Output, Does.Not.Contain("Train: "));
        Assert.That(File.GetLastWriteTimeUtc(consumer.Artifact("metrics.json")), Is.EqualTo(written));
    }

    [Test]
    public void Should_Fail_With_The_File_Line_And_Column_When_A_Numeric_Column_Holds_Text()
    {
        // Given
        using var consumer = new ConsumerProject(package);
        var row = consumer.EditTable(5, line => ReplaceField(line, 3, "abc"));
        consumer.TrackData();
        var column = ReplaceField(row, 3, "abc").IndexOf(",abc,", StringComparison.Ordinal) + 2;

        // When
        var build = consumer.Build();

        // Then
        Assert.That(build.ExitCode, Is.Not.Zero, build.Output);
        Assert.That(build.Output, Does.Contain($"{consumer.Repository[ConsumerProject.Table]}(5,{column}): error MLOPS003: expect_column_values_to_be_of_type: age: "
            + "1 of 20000 values (0.01 %) are not finite numbers, e.g. 'abc' at row 3 (line 5). (declared at pipelines/credit-scoring.yaml:28:7)"));
        Assert.That(File.Exists(consumer.Artifact("model.mlbundle")), Is.False);
    }

    [Test]
    public void Should_Fail_With_The_File_And_Line_When_A_Row_Has_A_Field_Too_Few()
    {
        // Given
        using var consumer = new ConsumerProject(package);
        consumer.EditTable(7, line => line[..line.LastIndexOf(',')]);
        consumer.TrackData();

        // When
        var build = consumer.Build();

        // Then
        Assert.That(build.ExitCode, Is.Not.Zero, build.Output);
        Assert.That(build.Output, Does.Contain($"{consumer.Repository[ConsumerProject.Table]}(7,1): error MLOPS002: row 5 has 19 fields, but the header has 20"));
        Assert.That(File.Exists(consumer.Artifact("model.mlbundle")), Is.False);
    }

    [Test]
    public void Should_Fail_With_The_Pipeline_File_Line_And_Column_When_A_Key_Is_Misspelt()
    {
        // Given
        using var consumer = new ConsumerProject(package);
        consumer.TrackData();
        var line = consumer.EditPipeline("  table: data/credit.csv", "  tabel: data/credit.csv");

        // When
        var build = consumer.Build();

        // Then
        Assert.That(build.ExitCode, Is.Not.Zero, build.Output);
        Assert.That(build.Output, Does.Contain($"{consumer.Repository[ConsumerProject.Pipeline]}({line},3): error MLOPS002: Unknown key 'tabel' in 'data'. Did you mean 'table'?"));
        Assert.That(File.Exists(consumer.Artifact("validation.json")), Is.False);
    }

    [Test]
    public void Should_Fail_Naming_The_Pointer_When_The_Data_Differs_From_It()
    {
        // Given
        using var consumer = new ConsumerProject(package);
        consumer.TrackData();
        consumer.EditTable(5, line => ReplaceField(line, 3, "40"));

        // When
        var build = consumer.Build();

        // Then
        Assert.That(build.ExitCode, Is.Not.Zero, build.Output);
        Assert.That(build.Output, Does.Contain($"{consumer.Repository["data.dvc"]} : error MLOPS002: data: md5 "));
        Assert.That(build.Output, Does.Contain("does not match data.dvc"));
        Assert.That(File.Exists(consumer.Artifact("validation.json")), Is.False);
    }

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }
}
