namespace MlOps.Build.Tests.BadInputs;

/// <summary>Bad command-line options (BadInputs/options.yaml): exit 2 naming the option, nothing written.</summary>
[Category("Slow")]
[Category("BadInputs")]
public sealed class CommandLineInputTests
{
    private static IEnumerable<TestCaseData> OptionsCases() => BadInputCorpus.Of("options");

    [TestCaseSource(nameof(OptionsCases))]
    public void Should_Refuse_A_Bad_Option_Naming_It(BadInput input)
    {
        // Given
        using var build = CorpusRepositories.CopyOf(CorpusRepositories.WithData);
        ProgramCase.Prepare(input, build);

        // When, Then
        ProgramCase.Check(input, build, ["--target=ValidateData"], ProgramCase.EmptyStore);
    }
}
