namespace MlOps.Build.Tests.BadInputs;

/// <summary>Broken pipeline files (BadInputs/pipeline.yaml): each stops the build with exit 2 and its file:line:col, before anything is trained.</summary>
[Category("Slow")]
[Category("BadInputs")]
public sealed class PipelineFileTests
{
    private static IEnumerable<TestCaseData> PipelineCases() => BadInputCorpus.Of("pipeline");

    [TestCaseSource(nameof(PipelineCases))]
    public void Should_Refuse_A_Bad_Pipeline_File_Naming_The_Place(BadInput input)
    {
        // Given
        using var build = CorpusRepositories.CopyOf(CorpusRepositories.WithData);
        ProgramCase.Prepare(input, build);

        // When, Then
        ProgramCase.Check(input, build, ["--target=ValidateData"]);
    }
}
