using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>
/// A Grafana dashboard for one deployed model, generated from its pipeline file: the scoring server's traffic,
/// errors, latency and answers from its /metrics, and Monitor's drift, concept drift and verdict from its
/// Prometheus textfile. Limits the file sets are drawn as threshold lines. Import it into Grafana and pick
/// the Prometheus data source in the <c>datasource</c> variable.
/// </summary>
public static partial class GrafanaDashboard
{
    /// <summary>The dashboard JSON schema version written.</summary>
    public const int SchemaVersion = 39;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // PromQL is full of quotes and comparison signs; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The dashboard as indented JSON; the same pipeline always gives the same bytes.</summary>
    public static string Generate(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var queries = new MonitoringQueries(pipeline.Name);
        var limits = MonitoredLimit.Of(pipeline, queries);
        var panels = Serving(pipeline, queries, limits).Concat(Drift(pipeline, queries)).Concat(Concept(pipeline, queries, limits)).Concat(Verdict(queries));
        var dashboard = new JsonObject
        {
            ["id"] = null,
            ["uid"] = Uid(pipeline.Name),
            ["title"] = $"{pipeline.Name} model monitoring",
            ["description"] = $"Generated from {MonitoringText.Source(pipeline)}; change the file and generate again rather than editing here.",
            ["tags"] = new JsonArray("mlops", pipeline.Name),
            ["editable"] = true,
            ["graphTooltip"] = 1,
            ["refresh"] = "1m",
            ["schemaVersion"] = SchemaVersion,
            ["version"] = 1,
            ["time"] = new JsonObject { ["from"] = "now-24h", ["to"] = "now" },
            ["timezone"] = "utc",
            ["annotations"] = new JsonObject { ["list"] = new JsonArray() },
            ["links"] = new JsonArray(),
            ["templating"] = new JsonObject { ["list"] = new JsonArray(DataSourceVariable()) },
            ["panels"] = GrafanaLayout.Place(panels),
        };
        return dashboard.ToJsonString(Json) + "\n";
    }

    /// <summary>
    /// The dashboard's uid: <c>mlops-</c> and the model name when that is a valid uid (40 characters of letters,
    /// digits, '-' and '_'), else a shortened, cleaned name and a hash of the name, so it stays unique.
    /// </summary>
    public static string Uid(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var clean = new string(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        var uid = "mlops-" + clean;
        if (clean == model && uid.Length <= 40)
        {
            return uid;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..10];
        return $"mlops-{clean[..Math.Min(clean.Length, 23)].TrimEnd('-')}-{hash}";
    }

    private static JsonObject DataSourceVariable() => new()
    {
        ["name"] = "datasource",
        ["label"] = "Prometheus",
        ["type"] = "datasource",
        ["query"] = "prometheus",
        ["current"] = new JsonObject(),
        ["hide"] = 0,
        ["includeAll"] = false,
        ["multi"] = false,
        ["options"] = new JsonArray(),
        ["refresh"] = 1,
        ["regex"] = "",
    };

    private static MonitoredLimit? Find(IReadOnlyList<MonitoredLimit> limits, string key) =>
        limits.FirstOrDefault(l => l.Key == key);

    private static JsonObject LatestValue(string colorMode, string textMode = "auto") => new()
    {
        ["reduceOptions"] = new JsonObject { ["calcs"] = new JsonArray("lastNotNull"), ["fields"] = "", ["values"] = false },
        ["colorMode"] = colorMode,
        ["graphMode"] = "none",
        ["justifyMode"] = "auto",
        ["orientation"] = "auto",
        ["textMode"] = textMode,
    };
}
