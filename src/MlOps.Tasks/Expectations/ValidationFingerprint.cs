using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>What a validation result depends on: the table's md5, the schema, the expectations, the CSV dialect and the code.</summary>
public static class ValidationFingerprint
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Expectations", "Profiling", "CsvFiles"];

    /// <summary>The fingerprint of validating <paramref name="table"/> of <paramref name="pipeline"/>.</summary>
    public static Fingerprint Of(PipelineDefinition pipeline, string repositoryRoot, string table)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new Fingerprint()
            .AddFile("data", repositoryRoot, table)
            .Add("table", table)
            .AddSection("csv", pipeline.Data.Csv)
            .AddSection("schema", pipeline.Schema)
            .Add("expectations", Fingerprint.SectionHash(pipeline.Expectations))
            .AddCode(typeof(ValidationFingerprint).Assembly, CodeFolders);
    }
}
