using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class ModelRegistry
{
    /// <summary>Points <paramref name="alias"/> of <paramref name="model"/> at <paramref name="version"/> and records the move.</summary>
    /// <param name="model">The registered model.</param>
    /// <param name="alias">The alias, e.g. <c>production</c>; set if new, moved if not.</param>
    /// <param name="version">The version it will point to.</param>
    /// <param name="by">Who or what moves it.</param>
    /// <param name="reason">Why, for the history.</param>
    /// <exception cref="UsageException">The model or version does not exist, or the alias is not usable.</exception>
    public AliasMove SetAlias(string model, string alias, int version, string by, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        ModelReference.CheckAlias(alias);
        var now = connection.Now();
        return connection.Write(() =>
        {
            var versions = ReadVersions(model);
            if (versions.Count == 0)
            {
                throw NotRegistered(model);
            }

            if (!versions.Any(registered => registered.Version == version))
            {
                throw NoSuchVersion(model, version, versions);
            }

            return MoveAlias(model, alias, version, by, reason, now);
        });
    }

    /// <summary>Every move of every alias of <paramref name="model"/>, oldest first. The history is append-only.</summary>
    /// <exception cref="UsageException">The model is not registered.</exception>
    public IReadOnlyList<AliasMove> AliasHistory(string model) => connection.Read(() =>
    {
        if (connection.Scalar("SELECT 1 FROM registered_models WHERE name = @model", ("@model", model)) is null)
        {
            throw NotRegistered(model);
        }

        return connection.Query(
            "SELECT alias, from_version, to_version, moved_ms, moved_by, reason FROM alias_history WHERE model = @model ORDER BY id",
            row => new AliasMove(model, row.GetString(0), row.IsDBNull(1) ? null : row.GetInt32(1), row.GetInt32(2),
                Moment(row.GetInt64(3)), row.GetString(4), row.IsDBNull(5) ? null : row.GetString(5)),
            ("@model", model));
    });

    /// <summary>Moves the alias and appends the move to the history; call inside a write transaction.</summary>
    internal AliasMove MoveAlias(string model, string alias, int version, string by, string? reason, DateTimeOffset now)
    {
        var from = connection.Scalar("SELECT version FROM aliases WHERE model = @model AND alias = @alias", ("@model", model), ("@alias", alias));
        var fromVersion = from is null ? (int?)null : Convert.ToInt32(from, System.Globalization.CultureInfo.InvariantCulture);
        connection.Execute(
            "INSERT INTO aliases (model, alias, version) VALUES (@model, @alias, @version) " +
            "ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version",
            ("@model", model), ("@alias", alias), ("@version", version));
        connection.Execute(
            """
            INSERT INTO alias_history (model, alias, from_version, to_version, moved_ms, moved_by, reason)
            VALUES (@model, @alias, @from, @to, @now, @by, @reason)
            """,
            ("@model", model), ("@alias", alias), ("@from", fromVersion), ("@to", version), ("@now", Milliseconds(now)), ("@by", by),
            ("@reason", reason));
        return new AliasMove(model, alias, fromVersion, version, now, by, reason);
    }

    internal UsageException NotRegistered(string model)
    {
        var models = connection.Query("SELECT name FROM registered_models ORDER BY name", row => row.GetString(0));
        var known = models.Count == 0 ? "no model is registered yet" : "registered models: " + string.Join(", ", models);
        return new UsageException($"Model '{model}' is not registered; {known}.");
    }

    internal static UsageException NoSuchVersion(string model, int version, List<ModelVersion> versions) =>
        new($"Model '{model}' has no version {version}; versions: {string.Join(", ", versions.Select(registered => registered.Version))}.");

    private static UsageException NoSuchAlias(string model, string alias, List<ModelVersion> versions)
    {
        var aliases = versions
            .SelectMany(registered => registered.Aliases.Select(name => $"{name} (v{registered.Version})"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var known = aliases.Count == 0 ? "it has no aliases" : "aliases: " + string.Join(", ", aliases);
        return new UsageException($"Model '{model}' has no alias '{alias}'; {known}.");
    }
}
