using MlOps.Models.Training;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>What a trained model depends on: the table's md5, the sections Train reads, the code and the signing key.</summary>
internal static class TrainingFingerprint
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Training", "CsvFiles"];

    public static Fingerprint Of(PipelineDefinition pipeline, string repositoryRoot, string table, string signingKeyId)
    {
        return new Fingerprint()
            .AddFile("data", repositoryRoot, table)
            .Add("table", table)
            .AddSection("csv", pipeline.Data.Csv)
            .AddSection("schema", pipeline.Schema)
            .AddSection("training", pipeline.Training)
            .AddCode(typeof(ModelTrainer).Assembly)
            .AddPackage("ML.NET", typeof(Microsoft.ML.MLContext).Assembly)
            .AddCode(typeof(TrainingFingerprint).Assembly, CodeFolders)
            .Add("signing_key", signingKeyId);
    }
}
