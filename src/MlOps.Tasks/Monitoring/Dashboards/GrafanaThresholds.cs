using System.Text.Json.Nodes;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>Grafana threshold steps: a base colour from minus infinity, then a colour from each value up.</summary>
internal static class GrafanaThresholds
{
    /// <summary>Green on the good side of <paramref name="limit"/>, red on the other.</summary>
    public static JsonObject Of(MonitoredLimit limit) =>
        limit.IsMinimum ? Steps("red", Step("green", limit.Limit)) : Above(limit.Limit);

    /// <summary>Green below <paramref name="limit"/>, red from it up.</summary>
    public static JsonObject Above(double limit) => Steps("green", Step("red", limit));

    /// <summary>Green, then yellow from <paramref name="warning"/>, red from <paramref name="critical"/>.</summary>
    public static JsonObject Bands(double warning, double critical) => Steps("green", Step("yellow", warning), Step("red", critical));

    private static JsonObject Steps(string baseColor, params JsonObject[] steps) => new()
    {
        ["mode"] = "absolute",
        ["steps"] = new JsonArray([new JsonObject { ["color"] = baseColor, ["value"] = null }, .. steps]),
    };

    private static JsonObject Step(string color, double value) => new() { ["color"] = color, ["value"] = value };
}
