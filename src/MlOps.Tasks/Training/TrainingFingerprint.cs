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
        var fingerprint = new Fingerprint()
            .AddFile("data", repositoryRoot, table)
            .Add("table", table)
            .AddSection("csv", pipeline.Data.Csv)
            .AddSection("schema", pipeline.Schema)
            .AddSection("training", pipeline.Training with { Sweep = null })
            .AddCode(typeof(ModelTrainer).Assembly)
            .AddPackage("ML.NET", typeof(Microsoft.ML.MLContext).Assembly)
            .AddCode(typeof(TrainingFingerprint).Assembly, CodeFolders)
            .Add("signing_key", signingKeyId);
        return pipeline.Training.Sweep is { } sweep ? AddSweep(fingerprint, sweep) : fingerprint;
    }

    // One part per searched parameter, so that a changed space says which parameter changed.
    private static Fingerprint AddSweep(Fingerprint fingerprint, SweepSection sweep)
    {
        fingerprint.AddSection("training.sweep", sweep with { Space = new Dictionary<string, IReadOnlyDictionary<string, SearchRangeSection>>() });
        foreach (var (trainer, ranges) in sweep.Space)
        {
            foreach (var (name, range) in ranges)
            {
                fingerprint.AddSection($"training.sweep.space.{trainer}.{name}", range);
            }
        }

        return fingerprint;
    }
}
