using System.Globalization;
using MlOps.Models.Bundles;
using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Gates;

/// <summary>The rows a model was not trained on: the same stratified split its run made, from the same data.</summary>
internal static class HeldOutRows
{
    /// <exception cref="UsageException">The table changed since the model was trained.</exception>
    public static TableData Of(PipelineDefinition pipeline, string repositoryRoot, ModelBundle bundle, RunRecord run)
    {
        var schema = pipeline.Schema ?? throw new UsageException($"{pipeline.File} has no 'schema' section; Validate needs the columns and the label.");
        var table = pipeline.Data.Table ?? pipeline.Data.Path;
        var md5 = new Fingerprint().AddFile("data", repositoryRoot, table).Parts["data"];
        if (md5 != bundle.Provenance.DataMd5)
        {
            throw new UsageException($"{table} (md5 {md5}) is not the data v{bundle.Provenance.ModelVersion} was trained on ({bundle.Provenance.DataMd5}); run ./build.sh --target=Train.");
        }

        var data = TrainingTable.Read(Path.Combine(repositoryRoot, table), table, pipeline.Data.Csv, schema);
        var labels = ((FlagColumn)data[schema.Label]).Values;
        var split = DataSplit.Stratified(labels,
            double.Parse(run.Params["test_fraction"], CultureInfo.InvariantCulture), int.Parse(run.Params["seed"], CultureInfo.InvariantCulture));
        return data.Take(split.Test);
    }
}
