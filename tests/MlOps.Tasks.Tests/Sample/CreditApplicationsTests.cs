using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Sample;

public sealed class CreditApplicationsTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    [Test]
    public void Should_Generate_The_Bytes_That_Data_Dvc_Pins()
    {
        // Given: the sample pipeline and its committed pointer.
        var pipeline = PipelineFile.Load(SourceRoot, "pipelines/credit-scoring.yaml");
        var pinned = DataPointer.Read(Path.Combine(SourceRoot, "data.dvc"), "data.dvc");
        using var temp = new TempDirectory();

        // When
        new DataRestore(temp.Path).Restore(pipeline.Data);

        // Then
        Assert.That(ContentHash.Of(temp["data"]).Md5, Is.EqualTo(pinned.Md5));
    }

    [Test]
    public void Should_Write_The_Requested_Rows_And_A_Drifted_Current_Batch()
    {
        // Given
        var settings = new GeneratorSection { Rows = 1000, CurrentRows = 400, Seed = 7 };

        // When
        var training = Generate(settings, current: false);
        var current = Generate(settings, current: true);

        // Then
        Assert.That(training, Has.Length.EqualTo(1001));
        Assert.That(current, Has.Length.EqualTo(401));
        Assert.That(training.Count(l => l.Contains(",crypto,", StringComparison.Ordinal)), Is.Zero);
        Assert.That(current.Count(l => l.Contains(",crypto,", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(current[1], Does.StartWith("C00000000,"));
    }

    [Test]
    public void Should_Inject_The_Configured_Gender_Bias()
    {
        // When
        var biased = DefaultRate(new GeneratorSection { Rows = 20000, GenderBias = 1.5, AgeBias = 0 });
        var fair = DefaultRate(new GeneratorSection { Rows = 20000, GenderBias = 0, AgeBias = 0 });

        // Then
        Assert.That(biased.Female - biased.Male, Is.GreaterThan(0.1));
        Assert.That(Math.Abs(fair.Female - fair.Male), Is.LessThan(0.03));
    }

    private static string[] Generate(GeneratorSection settings, bool current)
    {
        var writer = new StringWriter();
        MlOps.Tasks.Sample.CreditApplications.Write(writer, settings, current);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }

    private static (double Female, double Male) DefaultRate(GeneratorSection settings)
    {
        var rows = Generate(settings, current: false).Skip(1).Select(l => l.Split(',')).ToList();
        double Rate(string gender) => rows.Where(r => r[2] == gender).Average(r => r[19] == "1" ? 1.0 : 0.0);
        return (Rate("female"), Rate("male"));
    }
}
