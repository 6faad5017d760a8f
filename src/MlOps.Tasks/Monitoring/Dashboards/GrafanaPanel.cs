using System.Text.Json.Nodes;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>
/// One panel of a Grafana dashboard (schema version 39), built up call by call. Every query goes to the
/// dashboard's <c>datasource</c> variable; the position is assigned by <see cref="GrafanaLayout"/>.
/// </summary>
internal sealed class GrafanaPanel
{
    private readonly JsonObject panel;
    private readonly JsonObject defaults = new();
    private readonly JsonArray overrides = [];
    private readonly JsonArray targets = [];

    public GrafanaPanel(string type, string title, int width, int height)
    {
        panel = new JsonObject
        {
            ["id"] = 0,
            ["type"] = type,
            ["title"] = title,
            ["gridPos"] = new JsonObject { ["h"] = height, ["w"] = width, ["x"] = 0, ["y"] = 0 },
            ["datasource"] = DataSource(),
        };
    }

    /// <summary>What the panel shows, in the panel's (i) tooltip.</summary>
    public GrafanaPanel Describe(string text) => Set(panel, "description", text);

    /// <summary>Grafana's unit id, e.g. <c>s</c>, <c>reqps</c>, <c>percentunit</c>.</summary>
    public GrafanaPanel Unit(string unit) => Set(defaults, "unit", unit);

    /// <summary>Fixes the value axis (or gauge) range.</summary>
    public GrafanaPanel Range(double min, double max)
    {
        Set(defaults, "min", min);
        return Set(defaults, "max", max);
    }

    /// <summary>Starts the value axis at <paramref name="min"/>.</summary>
    public GrafanaPanel From(double min) => Set(defaults, "min", min);

    /// <summary>Adds a query drawn over time.</summary>
    public GrafanaPanel Query(string refId, string expr, string legend, string format = "time_series") =>
        Target(refId, expr, legend, format, instant: false);

    /// <summary>Adds a query evaluated once, at the end of the time range (tables, stats of the latest value).</summary>
    public GrafanaPanel Latest(string refId, string expr, string legend, string format = "time_series") =>
        Target(refId, expr, legend, format, instant: true);

    /// <summary>Colours by thresholds; a time series also draws them as lines.</summary>
    public GrafanaPanel Thresholds(JsonObject thresholds)
    {
        defaults["thresholds"] = thresholds;
        return (string?)panel["type"] == "timeseries" ? Set(Custom(), "thresholdsStyle", new JsonObject { ["mode"] = "line" }) : this;
    }

    /// <summary>Draws <paramref name="limit"/>, when it is set, as a line on the series of query <paramref name="refId"/> only.</summary>
    public GrafanaPanel Limit(string refId, MonitoredLimit? limit) => Override("byFrameRefID", refId, limit);

    /// <summary>Draws <paramref name="limit"/>, when it is set, as a line on the series shown as <paramref name="name"/> only.</summary>
    public GrafanaPanel LimitByName(string name, MonitoredLimit? limit) => Override("byName", name, limit);

    /// <summary>Shows 0 and 1 as words in green and red.</summary>
    public GrafanaPanel Flag(string no, string yes, string? field = null)
    {
        var mappings = new JsonArray(new JsonObject
        {
            ["type"] = "value",
            ["options"] = new JsonObject
            {
                ["0"] = new JsonObject { ["color"] = "green", ["index"] = 0, ["text"] = no },
                ["1"] = new JsonObject { ["color"] = "red", ["index"] = 1, ["text"] = yes },
            },
        });
        if (field is null)
        {
            return Set(defaults, "mappings", mappings);
        }

        overrides.Add(new JsonObject
        {
            ["matcher"] = new JsonObject { ["id"] = "byName", ["options"] = field },
            ["properties"] = new JsonArray(
                Property("mappings", mappings),
                Property("custom.cellOptions", new JsonObject { ["type"] = "color-background" })),
        });
        return this;
    }

    /// <summary>Sets the panel type's own options.</summary>
    public GrafanaPanel Options(JsonObject options) => Set(panel, "options", options);

    /// <summary>Reshapes the query results, e.g. merges several queries into one table.</summary>
    public GrafanaPanel Transform(params JsonObject[] transformations) => Set(panel, "transformations", new JsonArray(transformations));

    /// <summary>The panel as Grafana stores it.</summary>
    public JsonObject ToJson()
    {
        panel["targets"] = targets.DeepClone();
        panel["fieldConfig"] = new JsonObject { ["defaults"] = defaults.DeepClone(), ["overrides"] = overrides.DeepClone() };
        return panel;
    }

    /// <summary>A reference to the dashboard's data source variable.</summary>
    public static JsonObject DataSource() => new() { ["type"] = "prometheus", ["uid"] = "${datasource}" };

    private GrafanaPanel Target(string refId, string expr, string legend, string format, bool instant)
    {
        targets.Add(new JsonObject
        {
            ["refId"] = refId,
            ["datasource"] = DataSource(),
            ["expr"] = expr,
            ["legendFormat"] = legend,
            ["format"] = format,
            ["instant"] = instant,
            ["range"] = !instant,
        });
        return this;
    }

    private GrafanaPanel Override(string matcher, string options, MonitoredLimit? limit)
    {
        if (limit is null)
        {
            return this;
        }

        overrides.Add(new JsonObject
        {
            ["matcher"] = new JsonObject { ["id"] = matcher, ["options"] = options },
            ["properties"] = new JsonArray(
                Property("thresholds", GrafanaThresholds.Of(limit)),
                Property("custom.thresholdsStyle", new JsonObject { ["mode"] = "line" })),
        });
        return this;
    }

    private JsonObject Custom() => defaults["custom"] as JsonObject ?? (JsonObject)(defaults["custom"] = new JsonObject());

    private GrafanaPanel Set(JsonObject target, string key, JsonNode? value)
    {
        target[key] = value;
        return this;
    }

    private static JsonObject Property(string id, JsonNode value) => new() { ["id"] = id, ["value"] = value };
}
