using System.Text.Json;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Fairness;

public sealed class FairnessFileTests
{
    [Test]
    public void Should_Read_Back_The_Report_It_Wrote()
    {
        // Given: a report with frames, disparate impact and a violation
        using var temp = new TempDirectory();
        var report = FairnessData.Selections(
            new FairnessLimits { MinGroupSize = 1, MaxDemographicParityDifference = 0.1 }, "a", ("a", 10, 8), ("b", 10, 2));
        FairnessFile.Write(temp["fairness.json"], report);

        // When
        var read = FairnessFile.ReadIfExists(temp["fairness.json"]);

        // Then
        Assert.That(report.Violations, Is.Not.Empty);
        Assert.That(JsonSerializer.Serialize(read, ArtifactJson.Options), Is.EqualTo(JsonSerializer.Serialize(report, ArtifactJson.Options)));
        Assert.That(read!.Violations[0].Kind, Is.EqualTo(LimitKind.Maximum));
    }

    [Test]
    public void Should_Return_Null_When_There_Is_No_File()
    {
        // Given
        using var temp = new TempDirectory();

        // When, Then
        Assert.That(FairnessFile.ReadIfExists(temp["fairness.json"]), Is.Null);
    }

    [Test]
    public void Should_Refuse_A_File_That_Is_Not_A_Fairness_Report()
    {
        // Given
        using var temp = new TempDirectory();
        File.WriteAllText(temp["fairness.json"], "{\n  \"rows\": \"many\"\n}");

        // When
        var error = Assert.Throws<InvalidFileException>(() => FairnessFile.ReadIfExists(temp["fairness.json"], "artifacts/p/fairness.json"));

        // Then
        Assert.That((error!.Location.File, error.Location.Line), Is.EqualTo(("artifacts/p/fairness.json", 2L)));
        Assert.That(error.Message, Does.StartWith($"{error.Location}: it is not the fairness.json BiasCheck writes (")
            .And.EndWith("); run ./build.sh --target=BiasCheck --force."));
    }
}
