using MlOps.Tasks;

namespace MlOps.MSBuild.Tests;

public sealed class LocationTextTests
{
    [Test]
    public void Should_Read_File_Line_And_Column_When_The_Text_Names_Them()
    {
        // Given
        const string text = "pipelines/credit-scoring.yaml:28:7";

        // When
        var location = LocationText.Parse(text);

        // Then
        Assert.That(location, Is.EqualTo(new SourceLocation("pipelines/credit-scoring.yaml", 28, 7)));
    }

    [TestCase("schema")]
    [TestCase("a.yaml:x:7")]
    [TestCase(null)]
    public void Should_Give_No_Place_When_The_Text_Names_None(string? text)
    {
        // When
        var location = LocationText.Parse(text);

        // Then
        Assert.That(location, Is.Null);
    }
}
