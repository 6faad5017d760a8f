namespace MlOps.Tasks.Tracking;

/// <summary>Every row of a store's history that <see cref="StoreCopy"/> copies, read in one transaction, in the order it was written.</summary>
internal sealed record StoreSnapshot(
    StoreTable Runs,
    StoreTable Params,
    StoreTable Tags,
    StoreTable Metrics,
    StoreTable Artifacts,
    StoreTable Models,
    StoreTable Versions,
    StoreTable Aliases,
    StoreTable AliasHistory,
    StoreTable Deployments,
    StoreTable Starts,
    StoreTable Marks,
    StoreTable Ends)
{
    /// <summary>Reads the store's history; call inside a read transaction.</summary>
    public static StoreSnapshot Read(StoreConnection store) => new(
        StoreTable.Read(store, "runs", "id, experiment, name, status, start_ms, end_ms, host, pid, process_start_ms", "rowid"),
        StoreTable.Read(store, "params", "run_id, key, value", "run_id, key"),
        StoreTable.Read(store, "tags", "run_id, key, value", "run_id, key"),
        StoreTable.Read(store, "metrics", "run_id, key, step, value, logged_ms", "id"),
        StoreTable.Read(store, "artifacts", "run_id, name, size, sha256, logged_ms", "run_id, name"),
        StoreTable.Read(store, "registered_models", "name, created_ms", "name"),
        StoreTable.Read(store, "model_versions", "model, version, run_id, source, bundle_sha256, created_ms, created_by", "model, version"),
        StoreTable.Read(store, "aliases", "model, alias, version", "model, alias"),
        StoreTable.Read(store, "alias_history", "model, alias, from_version, to_version, moved_ms, moved_by, reason", "id"),
        StoreTable.Read(store, "deployments",
            "id, key, folder, model, environment, kind, action, outcome, version, bundle_sha256, image, image_digest, server, address, runs_as, " +
            "replaces, deployed_ms, deployed_by, message", "id"),
        StoreTable.Read(store, "deployment_starts", "key, model, environment, kind, action, version, folder, host, runs_as, started_ms", "rowid"),
        StoreTable.Read(store, "version_marks", "model, environment, version, deployment_id, marked_ms, by, cleared_ms", "id"),
        StoreTable.Read(store, "deployment_ends", "deployment_id, ended_ms, ended_by, reason", "deployment_id"));

    /// <summary>The (model, version) of a row of <see cref="Versions"/> or <see cref="AliasHistory"/> (<paramref name="column"/>: its version column).</summary>
    public static (string Model, long Version) VersionOf(StoreTable table, object?[] row, string column = "version") =>
        (table.Text(row, "model"), table.Number(row, column));
}
