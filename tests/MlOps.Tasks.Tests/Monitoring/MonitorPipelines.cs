using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring;

/// <summary>Pipeline files for the Monitor tests, read as the build reads them.</summary>
internal static class MonitorPipelines
{
    public const string File = "pipelines/p.yaml";

    /// <summary>name, data and a schema of every column type; a test appends its monitoring section.</summary>
    public static readonly string Head = PipelineYaml.Named("credit-scoring")
        .WithData("table: data/table.csv", "csv:", "  missing: [\"\", \"NA\", \"?\"]")
        .WithEveryColumnType()
        .ToString();

    public static PipelineDefinition Load(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write(File, yaml);
        return PipelineFile.Load(temp.Path, File);
    }
}
