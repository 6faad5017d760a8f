namespace MlOps.Tasks.Tests;

public sealed class SourceLocationTests
{
    public sealed class Parse
    {
        [TestCase("pipelines/credit-scoring.yaml:14:7", "pipelines/credit-scoring.yaml", 14, 7)]
        [TestCase(@"C:\repo\pipelines\x.yaml:3:1", @"C:\repo\pipelines\x.yaml", 3, 1)]
        public void Should_Read_Back_File_Line_And_Column_As_ToString_Writes_Them(string text, string file, long line, long column)
        {
            // When
            var location = SourceLocation.Parse(text);

            // Then
            Assert.That(location, Is.EqualTo(new SourceLocation(file, line, column)));
            Assert.That(location!.ToString(), Is.EqualTo(text));
        }

        [TestCase(null)]
        [TestCase("schema")]
        [TestCase("pipelines/x.yaml:14")]
        [TestCase(":14:7")]
        [TestCase("pipelines/x.yaml:0:7")]
        [TestCase("pipelines/x.yaml:a:7")]
        [TestCase("pipelines/x.yaml:14:-7")]
        public void Should_Return_Null_For_Anything_Else(string? text)
        {
            // When, Then
            Assert.That(SourceLocation.Parse(text), Is.Null);
        }
    }
}
