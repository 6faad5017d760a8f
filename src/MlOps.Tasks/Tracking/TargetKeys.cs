using System.Globalization;

namespace MlOps.Tasks.Tracking;

/// <summary>What the store <see cref="StoreCopy"/> copies to has already, by key: its runs, versions, deployments and version marks.</summary>
internal sealed record TargetKeys(
    HashSet<string> Runs,
    Dictionary<(string Model, long Version), (string RunId, string Sha256)> Versions,
    Dictionary<string, long> Deployments,
    HashSet<(string Model, string Environment, long Version, long DeploymentId)> Marks)
{
    /// <summary>Reads the keys; call inside a transaction.</summary>
    public static TargetKeys Read(StoreConnection store) => new(
        [.. store.Query("SELECT id FROM runs", row => row.GetString(0))],
        store.Query("SELECT model, version, run_id, bundle_sha256 FROM model_versions",
                row => KeyValuePair.Create((row.GetString(0), Number(row.GetValue(1))), (row.GetString(2), row.GetString(3))))
            .ToDictionary(),
        store.Query("SELECT key, id FROM deployments", row => KeyValuePair.Create(row.GetString(0), Number(row.GetValue(1)))).ToDictionary(StringComparer.Ordinal),
        [.. store.Query("SELECT model, environment, version, deployment_id FROM version_marks",
            row => (row.GetString(0), row.GetString(1), Number(row.GetValue(2)), Number(row.GetValue(3))))]);

    private static long Number(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
