using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Profiling;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Expectations;

/// <summary>validation.json's results read back through <see cref="ValidationJson.ReadResultsIfExists"/>.</summary>
public sealed class ValidationJsonTests
{
    [Test]
    public void Should_Read_Back_Each_Result_With_Its_Severity_And_Location()
    {
        // Given: a passed schema check, a failed error and a failed warning
        using var temp = new TempDirectory();
        ExpectationResult[] results =
        [
            new() { Expectation = "expect_column_to_exist", Column = "id", Success = true, Location = "schema", Summary = "id exists." },
            new() { Expectation = "expect_column_values_to_not_be_null", Column = "income", Success = false, Location = "pipelines/p.yaml:12:9",
                Summary = "2 of 10 values are null." },
            new() { Expectation = "expect_column_mean_to_be_between", Column = "age", Success = false, Severity = Severity.Warning,
                Location = "pipelines/p.yaml:14:9", Summary = "The mean 71 is above 65." },
        ];
        var report = new ValidationReport("data/credit.csv", 10, results, new DataProfile("data/credit.csv", 10, []), TimeSpan.FromSeconds(1));
        ArtifactJson.Write(temp["validation.json"], ValidationJson.Document(report, null, "pipelines/p.yaml", "abc", "10 rows, 1/3 passed"));

        // When
        var read = ValidationJson.ReadResultsIfExists(temp["validation.json"]);

        // Then
        Assert.That(read, Is.EqualTo(new[]
        {
            new ExpectationVerdict("expect_column_to_exist", true, Severity.Error, "schema", "id exists."),
            new ExpectationVerdict("expect_column_values_to_not_be_null", false, Severity.Error, "pipelines/p.yaml:12:9", "2 of 10 values are null."),
            new ExpectationVerdict("expect_column_mean_to_be_between", false, Severity.Warning, "pipelines/p.yaml:14:9", "The mean 71 is above 65."),
        }));
    }

    [Test]
    public void Should_Return_Null_When_There_Is_No_File()
    {
        // Given
        using var temp = new TempDirectory();

        // When, Then
        Assert.That(ValidationJson.ReadResultsIfExists(temp["validation.json"]), Is.Null);
    }

    [Test]
    public void Should_Refuse_A_File_That_Is_Not_Validation_Json()
    {
        // Given
        using var temp = new TempDirectory();
        File.WriteAllText(temp["validation.json"], "{ \"results\": 3 }");

        // When
        var error = Assert.Throws<InvalidFileException>(() => ValidationJson.ReadResultsIfExists(temp["validation.json"], "artifacts/p/validation.json"));

        // Then
        Assert.That(error!.Message, Does.StartWith("artifacts/p/validation.json:1:")
            .And.Contain(": it is not the validation.json ValidateData writes (").And.EndWith("); run ./build.sh --target=ValidateData --force."));
    }
}
