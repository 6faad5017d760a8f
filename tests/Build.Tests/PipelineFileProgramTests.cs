using System.Text;
using MlOps.Build.Tests.BadInputs;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// Bad pipeline files and .dvc pointers through the whole program (issue 16): exit 2, one Error: line
/// naming file:line:col, no stack trace, and nothing written.
/// </summary>
[Category("Slow")]
public sealed class PipelineFileProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";

    private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();

    private static string SamplePipeline(BuildProgram build) => File.ReadAllText(build.Repository[Pipeline]);

    [Test]
    public void Should_Exit_2_Naming_The_Place_Of_A_Pipeline_Nested_20000_Levels_Deep()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, "name: credit-scoring\ndata:\n  path: data\nnested: " + Repeat("{a: ", 20_000) + "1" + Repeat("}", 20_000) + "\n");

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {Pipeline}:4:261: Lists and mappings are nested more than 64 levels deep here; remove the extra nesting.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_The_Place_Of_A_Pointer_Nested_20000_Levels_Deep()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("data.dvc", "outs: " + Repeat("[", 20_000) + Repeat("]", 20_000) + "\n");

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run("--target=CheckData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo("Error: data.dvc:1:70: Lists and mappings are nested more than 64 levels deep here; remove the extra nesting.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_And_Write_Nothing_Outside_For_A_Name_That_Climbs_Out_Of_The_Repository()
    {
        // Given: artifacts/../../<escape> is a sibling of the temporary repository.
        var escape = $"mlops-escape-{Guid.NewGuid():N}";
        using var build = BuildProgram.QuickSample(("name: credit-scoring", $"name: ../../{escape}"));
        var outside = Path.GetFullPath(Path.Combine(build.Repository.Path, "artifacts", "..", "..", escape));
        try
        {
            var before = RepositorySnapshot.Of(build.Repository.Path);

            // When
            var result = build.Run("--target=ValidateData");

            // Then
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
            Assert.That(result.Errors, Is.EqualTo(
                $"Error: {Pipeline}:3:7: 'name' must be lowercase letters, digits, '-' or '_', starting with a letter or digit, at most 63 characters "
                + $"(^[a-z0-9][a-z0-9_-]{{0,62}}$), not '../../{escape}'.\n"));
            Assert.That(Directory.Exists(outside), Is.False, "nothing written outside the repository");
            Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
        }
        finally
        {
            if (Directory.Exists(outside))
            {
                Directory.Delete(outside, recursive: true);
            }
        }
    }

    [Test]
    public void Should_Exit_2_Naming_The_Bracket_Of_An_Unclosed_List_In_The_Pipeline()
    {
        // Given: YamlDotNet's scanner throws an InvalidOperationException on this.
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, "name: credit-scoring\ndata: [\n...]\n");

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {Pipeline}:2:7: YAML syntax error: this '[' is never closed: ',' or ']' was expected before 3:1.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_The_Bracket_Of_An_Unclosed_List_In_A_Pointer()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("data.dvc", "outs:\n- md5: [\n...]\n");

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run("--target=CheckData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo("Error: data.dvc:2:8: YAML syntax error: this '[' is never closed: ',' or ']' was expected before 3:1.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_Line_7_For_A_Tab_Indent_On_Line_7()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, SamplePipeline(build).Replace("\n  path: data ", "\n\tpath: data ", StringComparison.Ordinal));

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {Pipeline}:7:1: YAML syntax error: a tab indents this line; YAML indents with spaces only.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_The_Line_Of_A_Latin1_Byte_In_The_Pipeline()
    {
        // Given
        using var build = new BuildProgram();
        var text = SamplePipeline(build).Replace("within a year.", "within a year (café).", StringComparison.Ordinal);
        build.Repository.Write(Pipeline, Encoding.Latin1.GetBytes(text));

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {Pipeline}:4:77: The file is not valid UTF-8: byte 0xE9 here does not start or continue a character; save it as UTF-8.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_The_Line_Of_A_Latin1_Byte_In_A_Pointer()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("data.dvc", Encoding.Latin1.GetBytes(DvcVectors.VectorAPointer.Replace("path: data", "path: dätä", StringComparison.Ordinal)));

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run("--target=CheckData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo("Error: data.dvc:6:10: The file is not valid UTF-8: byte 0xE4 here does not start or continue a character; save it as UTF-8.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }

    [Test]
    public void Should_Exit_2_Naming_Both_Paths_When_The_Pointer_Tracks_Something_Else()
    {
        // Given: the data matches the pointer's md5, but the pointer names another path.
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");
        build.Repository.Write("data.dvc", DvcVectors.VectorAPointer.Replace("path: data", "path: ../../etc", StringComparison.Ordinal));

        var before = RepositorySnapshot.Of(build.Repository.Path);

        // When
        var result = build.Run("--target=CheckData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Errors);
        Assert.That(result.Errors, Is.EqualTo("Error: data.dvc:6:9: 'path: ../../etc' does not match data.path (data); "
            + "data.dvc tracks the file or folder beside it, so it must say 'path: data'.\n"));
        Assert.That(RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, []), Is.Empty, "nothing written");
    }
}
