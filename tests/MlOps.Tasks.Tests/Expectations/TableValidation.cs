using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Expectations;

/// <summary>Runs TableValidator on a CSV text with a pipeline file written as YAML, as users declare them.</summary>
internal static class TableValidation
{
    public static ValidationReport Run(string csv, string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("data/t.csv", csv);
        temp.Write("pipelines/p.yaml", "name: t\ndata:\n  path: data\n  table: data/t.csv\n" + yaml);
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");
        return TableValidator.Validate(temp["data/t.csv"], "data/t.csv", pipeline.Data, pipeline.Schema, pipeline.Expectations);
    }

    /// <summary>The single declared expectation's result (no schema, so no schema checks).</summary>
    public static ExpectationResult Single(string csv, string expectation) =>
        Run(csv, "expectations:\n  - " + expectation.Replace("\n", "\n    ", StringComparison.Ordinal) + "\n").Results.Single();

    public static InvalidFileException Refused(string csv, string yaml) =>
        Assert.Throws<InvalidFileException>(() => Run(csv, yaml))!;
}
