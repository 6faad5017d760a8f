using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class PipelineSchemaTests
{
    [Test]
    public void Should_Match_The_Checked_In_Schema()
    {
        // Given
        var root = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));
        var file = Path.Combine(root, PipelineSchema.File);

        // When
        var generated = PipelineSchema.Generate();
        if (Environment.GetEnvironmentVariable("MLOPS_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(file, generated);
        }

        // Then
        Assert.That(File.ReadAllText(file), Is.EqualTo(generated),
            $"{PipelineSchema.File} is out of date; run `MLOPS_UPDATE_SCHEMA=1 dotnet test --filter PipelineSchemaTests` and commit it.");
    }

    [Test]
    public void Should_Require_What_The_Loader_Requires_And_Refuse_Unknown_Keys()
    {
        // When
        var schema = System.Text.Json.Nodes.JsonNode.Parse(PipelineSchema.Generate())!;

        // Then
        Assert.That(schema["required"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "data", "name" }));
        Assert.That(schema["additionalProperties"]!.GetValue<bool>(), Is.False);
        Assert.That(schema["properties"]!["environments"]!["additionalProperties"]!["properties"]!["kind"]!["enum"]!.ToJsonString(),
            Is.EqualTo("""["local","docker","kubernetes"]"""));
    }
}
