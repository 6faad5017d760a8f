using System.Text.Json.Nodes;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>Places panels on Grafana's 24-column grid, left to right, and numbers them.</summary>
internal static class GrafanaLayout
{
    private const int Columns = 24;

    /// <summary>A full-width heading; the panels after it, up to the next row, belong to it.</summary>
    public static JsonObject Row(string title) => new()
    {
        ["id"] = 0,
        ["type"] = "row",
        ["title"] = title,
        ["collapsed"] = false,
        ["gridPos"] = new JsonObject { ["h"] = 1, ["w"] = Columns, ["x"] = 0, ["y"] = 0 },
        ["panels"] = new JsonArray(),
    };

    /// <summary>Sets each panel's id and position: a row, or a panel too wide for what is left of the line, starts a new line.</summary>
    public static JsonArray Place(IEnumerable<JsonObject> panels)
    {
        var placed = new JsonArray();
        int x = 0, y = 0, lineHeight = 0;
        foreach (var panel in panels)
        {
            var grid = panel["gridPos"]!.AsObject();
            var (width, height) = ((int)grid["w"]!, (int)grid["h"]!);
            if (x > 0 && (x + width > Columns || (string?)panel["type"] == "row"))
            {
                (x, y, lineHeight) = (0, y + lineHeight, 0);
            }

            grid["x"] = x;
            grid["y"] = y;
            panel["id"] = placed.Count + 1;
            placed.Add(panel);
            x += width;
            lineHeight = Math.Max(lineHeight, height);
        }

        return placed;
    }
}
