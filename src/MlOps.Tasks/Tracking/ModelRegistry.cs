using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

/// <summary>The model registry of the tracking store: registered models, their numbered versions, and aliases with their history.</summary>
public sealed partial class ModelRegistry
{
    // A bundle is registered as MLflow names a run's artifact, runs:/<run id>/<name>, so that every machine finds it in its own folder.
    private const string RunsScheme = "runs:/";

    private readonly StoreConnection connection;
    private readonly RunLog runs;

    internal ModelRegistry(StoreConnection connection, RunLog runs)
    {
        this.connection = connection;
        this.runs = runs;
    }

    /// <summary>
    /// Registers the next version of <paramref name="model"/> (v1 for a new model) and points <paramref name="alias"/> at it,
    /// recording the move as <c>registered v{n}</c> in the alias history. All in one transaction: concurrent registrations
    /// get distinct, consecutive numbers, and a killed process leaves none half-made.
    /// </summary>
    /// <param name="model">The registered model's name; created with its first version.</param>
    /// <param name="runId">The run that produced the bundle.</param>
    /// <param name="source">Where the bundle is.</param>
    /// <param name="bundleSha256">The bundle's SHA-256, 64 hex characters.</param>
    /// <param name="alias">The alias to move to the new version, e.g. <c>candidate</c>.</param>
    /// <param name="by">Who or what registers it.</param>
    /// <exception cref="UsageException">The run does not exist, or the alias is not usable.</exception>
    public ModelVersion RegisterVersion(string model, string runId, string source, string bundleSha256, string alias, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(bundleSha256);
        if (bundleSha256.Length != 64 || !bundleSha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{bundleSha256}' is not a SHA-256: 64 hex characters expected.", nameof(bundleSha256));
        }

        return Register(model, runId, alias, by, (_, _) => (source, bundleSha256.ToLowerInvariant()));
    }

    /// <summary>
    /// Registers the next version of <paramref name="model"/> with a bundle that knows its own version number:
    /// <paramref name="writeBundle"/> gets the number, the registration time and a path to write the bundle to,
    /// and returns the bundle's SHA-256. The bundle becomes the run's artifact <paramref name="artifactName"/>;
    /// the version, the artifact and the alias move are committed together, or not at all.
    /// </summary>
    /// <exception cref="UsageException">The run does not exist, or the alias is not usable.</exception>
    public ModelVersion RegisterBundle(string model, string runId, string artifactName, string alias, string by,
        Func<int, DateTimeOffset, string, string> writeBundle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(writeBundle);
        var destination = runs.ArtifactFile(runId, RunLog.ArtifactName(artifactName));
        return Register(model, runId, alias, by, (version, now) =>
        {
            var staging = MlOps.Tasks.Artifacts.TemporaryFile.Beside(destination);
            try
            {
                var sha256 = writeBundle(version, now, staging);
                var size = new FileInfo(staging).Length;

                // Stored for every machine before the version exists: a kill after this leaves an object no row names, never the reverse.
                connection.Artifacts.Upload(runId, artifactName, staging, sha256);
                File.Move(staging, destination, overwrite: true);
                connection.Execute(
                    """
                    INSERT INTO artifacts (run_id, name, size, sha256, logged_ms) VALUES (@id, @name, @size, @sha256, @logged)
                    ON CONFLICT (run_id, name) DO UPDATE SET size = excluded.size, sha256 = excluded.sha256, logged_ms = excluded.logged_ms
                    """,
                    ("@id", runId), ("@name", artifactName), ("@size", size), ("@sha256", sha256), ("@logged", Milliseconds(now)));
                return (BundleSource(runId, artifactName), sha256);
            }
            finally
            {
                File.Delete(staging);
            }
        });
    }

    // One IMMEDIATE transaction: the next number, the version row made by produce, the alias move and its history.
    private ModelVersion Register(
        string model, string runId, string alias, string by, Func<int, DateTimeOffset, (string Source, string Sha256)> produce)
    {
        ModelReference.CheckAlias(alias);
        var now = connection.Now();
        return connection.Write(() =>
        {
            runs.RequireRun(runId);
            connection.Execute("INSERT INTO registered_models (name, created_ms) VALUES (@model, @now) ON CONFLICT (name) DO NOTHING",
                ("@model", model), ("@now", Milliseconds(now)));
            var version = Convert.ToInt32(connection.Scalar(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = @model", ("@model", model)));
            var (source, sha256) = produce(version, now);
            connection.Execute(
                """
                INSERT INTO model_versions (model, version, run_id, source, bundle_sha256, created_ms, created_by)
                VALUES (@model, @version, @run, @source, @sha256, @now, @by)
                """,
                ("@model", model), ("@version", version), ("@run", runId), ("@source", source),
                ("@sha256", sha256), ("@now", Milliseconds(now)), ("@by", by));
            MoveAlias(model, alias, version, by, $"registered v{version}", now);
            return ReadVersions(model).Single(registered => registered.Version == version);
        });
    }

    /// <summary>Version <paramref name="version"/> of <paramref name="model"/>, or null when either does not exist.</summary>
    public ModelVersion? FindVersion(string model, int version) =>
        connection.Read(() => ReadVersions(model).SingleOrDefault(registered => registered.Version == version));

    /// <summary>The version <paramref name="reference"/> names (<c>v2</c>, <c>2</c>, <c>latest</c> or an alias); null when there is none.</summary>
    public ModelVersion? ResolveVersion(string model, string reference) => connection.Read(() => Resolve(model, reference, require: false));

    /// <summary>The version <paramref name="reference"/> names (<c>v2</c>, <c>2</c>, <c>latest</c> or an alias).</summary>
    /// <exception cref="UsageException">The model, version or alias does not exist; the message lists what does.</exception>
    public ModelVersion GetVersion(string model, string reference) => connection.Read(() => Resolve(model, reference, require: true))!;

    /// <summary>The registered models by name, each with its versions and their current aliases.</summary>
    public IReadOnlyList<RegisteredModel> Models() => connection.Read(() =>
        connection.Query(
                "SELECT name, created_ms FROM registered_models ORDER BY name", row => (Name: row.GetString(0), Created: Moment(row.GetInt64(1))))
            .Select(model => new RegisteredModel(model.Name, model.Created, ReadVersions(model.Name)))
            .ToList());

    private ModelVersion? Resolve(string model, string reference, bool require)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var versions = ReadVersions(model);
        if (versions.Count == 0)
        {
            return require ? throw NotRegistered(model) : null;
        }

        if (string.Equals(reference, ModelReference.Latest, StringComparison.OrdinalIgnoreCase))
        {
            return versions[^1];
        }

        if (ModelReference.TryParseVersion(reference, out var number))
        {
            return versions.SingleOrDefault(registered => registered.Version == number)
                ?? (require ? throw NoSuchVersion(model, number, versions) : null);
        }

        return versions.SingleOrDefault(registered => registered.Aliases.Contains(reference, StringComparer.Ordinal))
            ?? (require ? throw NoSuchAlias(model, reference, versions) : null);
    }

    /// <summary>
    /// The bundle of <paramref name="version"/> on this machine: downloaded from the store's artifact root when it is not here (a version
    /// another machine registered), checked against the SHA-256 the store recorded.
    /// </summary>
    /// <exception cref="InvalidDataException">The downloaded bundle is not the one registered.</exception>
    public string Fetch(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (runs.FindRun(version.RunId) is { } run && run.Artifacts.FirstOrDefault(artifact => artifact.Path == version.Source) is { } bundle)
        {
            connection.Artifacts.Fetch(run.Id, bundle.Name, bundle.Path, bundle.Size, version.BundleSha256);
        }

        return version.Source;
    }

    /// <summary>How a version names its bundle, the run's artifact <paramref name="artifactName"/>: <c>runs:/&lt;run id&gt;/&lt;name&gt;</c>.</summary>
    internal static string BundleSource(string runId, string artifactName) => $"{RunsScheme}{runId}/{artifactName}";

    private string LocalSource(string source) => source.StartsWith(RunsScheme, StringComparison.Ordinal) && source[RunsScheme.Length..].Split('/', 2) is [var run, var name]
        ? runs.ArtifactFile(run, name)
        : source;

    /// <summary>The versions of <paramref name="model"/> by number; empty when it is not registered.</summary>
    internal List<ModelVersion> ReadVersions(string model)
    {
        var aliases = connection.Query("SELECT alias, version FROM aliases WHERE model = @model ORDER BY alias",
                row => (Alias: row.GetString(0), Version: row.GetInt32(1)), ("@model", model))
            .ToLookup(alias => alias.Version, alias => alias.Alias);
        return connection.Query(
            "SELECT version, run_id, source, bundle_sha256, created_ms, created_by FROM model_versions WHERE model = @model ORDER BY version",
            row => new ModelVersion(model, row.GetInt32(0), row.GetString(1), LocalSource(row.GetString(2)), row.GetString(3),
                Moment(row.GetInt64(4)), row.GetString(5), aliases[row.GetInt32(0)].ToList()),
            ("@model", model));
    }
}
