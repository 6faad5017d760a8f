using MlOps.Models.Bundles;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Validation;

/// <summary>The rows a model was not trained on: those its run recorded as held out, read again from the same data.</summary>
internal static class HeldOutRows
{
    /// <exception cref="UsageException">The table changed since the model was trained, or its run recorded no held-out rows.</exception>
    public static TableRows Of(PipelineDefinition pipeline, string repositoryRoot, ModelBundle bundle, RunRecord run)
    {
        var schema = pipeline.Schema ?? throw new UsageException($"{pipeline.File} has no 'schema' section; Validate needs the columns and the label.");
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        var md5 = new Fingerprint().AddFile("data", repositoryRoot, table).Parts["data"];
        if (md5 != bundle.Provenance.DataMd5)
        {
            throw new UsageException($"{table} (md5 {md5}) is not the data v{bundle.Provenance.ModelVersion} was trained on ({bundle.Provenance.DataMd5}); "
                + "run ./build.sh --target=Train.");
        }

        var held = HeldOutRecord.Read(run) ?? throw new UsageException(
            $"run {run.Id} of v{bundle.Provenance.ModelVersion} recorded no held-out rows (it was trained before runs recorded them); run ./build.sh --target=Train --force.");
        var data = TrainingTable.ReadRows(Path.Combine(repositoryRoot, table), table, pipeline.Data.Csv, schema);
        return data.Take([.. Enumerable.Range(0, data.Data.RowCount).Where(r => held.Contains(data.Keys[r]))]);
    }
}
