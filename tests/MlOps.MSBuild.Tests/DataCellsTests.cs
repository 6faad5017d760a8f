using MlOps.Tasks;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.MSBuild.Tests;

public sealed class DataCellsTests
{
    [TestCase("age", 2, 4)]
    [TestCase("id", 2, 1)]
    [TestCase("income", 3, 15)]
    [TestCase("nowhere", 2, 1)]
    [TestCase("income", 9, 1)]
    public void Should_Point_At_The_Value_When_A_Line_And_Column_Are_Named(string column, long line, long expected)
    {
        // Given: a quoted field holding the separator and quotes on line 3
        using var repository = new TempDirectory();
        var file = repository.Write("data/t.csv", "id,age,income\nA1,abc,100\nA2,\"x, \"\"y\"\"\",-1\n");
        repository.Write("p.yaml", PipelineYaml.Named("p").WithSchema("id", "id: id", "age: numeric", "income: numeric").ToString());
        var pipeline = PipelineFile.Load(repository.Path, "p.yaml");

        // When
        var location = new DataCells(file, "data/t.csv", pipeline).Locate(column, line);

        // Then
        Assert.That(location, Is.EqualTo(new SourceLocation("data/t.csv", line, expected)));
    }
}
