using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// <c>postgresql://user@host:port/database?sslmode=require</c>, as MLflow's tracking URI and libpq spell it (<c>postgres://</c> and
/// SQLAlchemy's <c>postgresql+driver://</c> too). The password comes from PGPASSWORD or a .pgpass file (PGPASSFILE), which Npgsql
/// reads itself; in MLOPS_STORE it is accepted, on the command line refused, and never shown.
/// </summary>
internal static partial class PostgresUri
{
    private const int DefaultPort = 5432;

    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    public static bool Is(string given) => SchemePattern().IsMatch(given);

    /// <summary>The database <paramref name="uri"/> names; <paramref name="source"/> is the option (<c>--store</c>, <c>--to</c>) or the variable it came from.</summary>
    /// <exception cref="UsageException">The URI is malformed, lacks a database, has an unknown parameter, or has a password on the command line.</exception>
    public static PostgresDatabase Parse(string uri, string source)
    {
        var shown = $"{source}={UriSecrets.Mask(uri)}";
        if (!Uri.TryCreate(SchemePattern().Replace(uri, "postgresql://"), UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw new UsageException($"{shown} is not a PostgreSQL URI: write postgresql://user@host:port/database " +
                "(percent-encode an '@', '/', ':' or '?' in the user name or password, e.g. %40 for '@').");
        }

        var userInfo = parsed.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        var parameters = Parameters(parsed.Query).ToList();
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1])
            : parameters.Where(p => p.Key == "password").Select(p => p.Value).LastOrDefault();
        if (password is not null && source.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{shown} holds a password, which the command line shows to every process on the machine and keeps in shell history: " +
                "name only the user, and put the password in PGPASSWORD or a .pgpass file (PGPASSFILE).");
        }

        var database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new UsageException($"{shown} names no database: write postgresql://user@host:port/database.");
        }

        var port = parsed.IsDefaultPort || parsed.Port < 0 ? DefaultPort : parsed.Port;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.DnsSafeHost,
            Port = port,
            Database = database,
            ApplicationName = "mlops",

            // The store's statements are short; one stuck behind a lock fails with a message instead of hanging the build.
            CommandTimeout = 60,
        };
        if (user.Length > 0)
        {
            builder.Username = user;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        foreach (var (key, value) in parameters.Where(p => p.Key != "password"))
        {
            Apply(builder, key, value, shown);
        }

        var userPart = user.Length == 0 ? "" : password is null ? $"{user}@" : $"{user}:***@";
        var host = parsed.HostNameType == UriHostNameType.IPv6 ? $"[{parsed.DnsSafeHost}]" : parsed.DnsSafeHost;
        return new(builder.ConnectionString, $"postgresql://{userPart}{host}:{port.ToString(CultureInfo.InvariantCulture)}/{database}")
        {
            Uri = password is null ? uri : null,
        };
    }

    private static IEnumerable<(string Key, string Value)> Parameters(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""));

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value, string shown)
    {
        switch (key)
        {
            case "sslmode" when SslModes.TryGetValue(value, out var mode):
                builder.SslMode = mode;
                break;
            case "sslmode":
                throw new UsageException($"{shown}: sslmode={value} is not one of {string.Join(", ", SslModes.Keys)}.");
            case "connect_timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                builder.Timeout = seconds;
                break;
            case "application_name" when value.Length > 0:
                builder.ApplicationName = value;
                break;
            default:
                throw new UsageException($"{shown}: the parameter '{key}' is not understood; " +
                    "known: sslmode, connect_timeout (whole seconds), application_name.");
        }
    }

    [GeneratedRegex(@"^postgres(ql)?(\+[a-z0-9_]+)?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
