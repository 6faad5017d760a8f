namespace MlOps.Build.Tests.BadInputs;

/// <summary>Broken CSV data files and .dvc pointers (BadInputs/csv.yaml, dvc.yaml): exit 2 naming the file and line, nothing written.</summary>
[Category("Slow")]
[Category("BadInputs")]
public sealed class DataFileTests
{
    private static IEnumerable<TestCaseData> CsvCases() => BadInputCorpus.Of("csv");

    private static IEnumerable<TestCaseData> DvcCases() => BadInputCorpus.Of("dvc");

    [TestCaseSource(nameof(CsvCases))]
    public void Should_Refuse_A_Bad_Csv_File_Naming_The_Place(BadInput input)
    {
        // Given
        using var build = CorpusRepositories.CopyOf(CorpusRepositories.WithData);
        ProgramCase.Prepare(input, build);

        // When, Then
        ProgramCase.Check(input, build, ["--target=ValidateData", "--table=batch.csv"], ProgramCase.EmptyStore);
    }

    [TestCaseSource(nameof(DvcCases))]
    public void Should_Refuse_A_Bad_Dvc_Pointer_Naming_The_Place(BadInput input)
    {
        // Given
        using var build = CorpusRepositories.CopyOf(CorpusRepositories.WithData);
        ProgramCase.Prepare(input, build);

        // When, Then
        ProgramCase.Check(input, build, ["--target=CheckData"]);
    }
}
