using System.Globalization;
using System.Net;
using System.Text;

namespace MlOps.Tasks.Monitoring;

/// <summary>drift.html: one self-contained page, per column the verdict, the statistics and the two histograms (inline SVG), every text escaped.</summary>
public static class DriftHtml
{
    private const string Style = "body{font-family:sans-serif;margin:2em auto;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1em 0}"
        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eef}.drift{color:#b00;font-weight:bold}.ok{color:#070}"
        + ".columns{display:flex;flex-wrap:wrap}.column{border:1px solid #ddd;margin:6px;padding:6px;width:360px}.column h3{margin:0 0 4px 0}"
        + ".legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}";

    private const string ReferenceColour = "#4682b4";
    private const string CurrentColour = "#ff8c00";

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Write(MonitorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = report.Data;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + $"<title>{E(report.Model)} drift report</title><style>{Style}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(report.Model)}: drift report</h1>\n"
            + $"<p>{E(report.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        html.Append(CultureInfo.InvariantCulture,
            $"{(report.Version is { } v ? $", v{v} in environment '{E(report.Environment)}'" : ", nothing deployed")}"
            + $"; thresholds from {E(report.Pipeline)}.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Reference: {E(data.Reference)}, {data.ReferenceRows:N0} rows.<br>"
            + $"Current: {E(data.Current)}, {data.CurrentRows:N0} rows.</p>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<h2 class=\"{(data.DatasetDrift ? "drift" : "ok")}\">{(data.DatasetDrift ? "Dataset drift" : "No dataset drift")}: "
            + $"{data.Drifted} of {data.Tested} columns drifted ({data.Share:P0}; the dataset drifts from {data.DriftShare:P0})</h2>\n");
        if (report.Breaches.Count > 0)
        {
            html.Append("<ul>");
            foreach (var breach in report.Breaches)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"drift\">{E(breach)}</li>");
            }

            html.Append("</ul>\n");
        }

        Table(html, data);
        Concept(html, report.Concept);
        Service(html, report.Service);
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"legend\">Shares of present values per bin (PSI's bins):<span style=\"background:{ReferenceColour}\"></span>reference"
            + $"<span style=\"background:{CurrentColour}\"></span>current</p>\n<div class=\"columns\">\n");
        foreach (var column in data.Columns.OrderByDescending(c => c.Drift))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"column\"><h3 class=\"{(column.Drift ? "drift" : "ok")}\">{E(column.Column)}</h3>");
            html.Append(CultureInfo.InvariantCulture, $"<div>{E(Verdict(column))}</div>");
            html.Append(Histogram(column.Bins)).Append("</div>\n");
        }

        if (data.NotInCurrent.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"</div><p>Not in the current data, so not tested: {E(string.Join(", ", data.NotInCurrent))}.</p>\n");
        }
        else
        {
            html.Append("</div>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Table(StringBuilder html, DataDrift data)
    {
        html.Append("<table><tr><th>Column</th><th>Type</th><th>Test</th><th>Score</th><th>Threshold</th><th>Drift</th><th>PSI</th>"
            + "<th>Missing (reference → current)</th></tr>\n");
        foreach (var c in data.Columns)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(c.Column)}</td><td>{Lower(c.Type)}</td><td>{Lower(c.Method)}{(c.IsDefault ? "" : " (pipeline file)")}</td>"
                + $"<td>{N(c.Score)}</td><td>{N(c.Threshold)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td class=\"{(c.Drift ? "drift" : "ok")}\">{(c.Skipped is { } why ? E("not tested: " + why) : c.Drift ? "drift" : "no")}</td>"
                + $"<td>{(c.Skipped is null ? $"{N(c.Psi)} ({Lower(c.PsiBand)})" : "-")}</td>"
                + $"<td>{c.ReferenceMissing:P1} → {c.CurrentMissing:P1}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Concept(StringBuilder html, ConceptDrift? concept)
    {
        if (concept is null)
        {
            return;
        }

        var drift = concept.Detections.Count > 0;
        html.Append(CultureInfo.InvariantCulture,
            $"<h2 class=\"{(drift ? "drift" : "ok")}\">{(drift ? "Concept drift" : "No concept drift")} ({E(concept.Detector)} over the prediction errors)</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Feedback {E(concept.Feedback)}: {concept.Matched:N0} of {concept.FeedbackRows:N0} rows joined to logged predictions.");
        if (drift)
        {
            html.Append(CultureInfo.InvariantCulture, $" Drift signalled at labelled prediction "
                + $"{E(string.Join(", ", concept.Detections.Select(d => (d.Index + 1).ToString(CultureInfo.InvariantCulture))))}.");
        }

        html.Append("</p>\n<table><tr><th>From</th><th>To</th><th>Rows</th><th>Positives</th><th>AUC</th><th>Accuracy</th><th>Log loss</th></tr>\n");
        foreach (var w in concept.Windows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{w.From.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{w.To.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td>"
                + $"<td>{w.Rows}</td><td>{w.Positives}</td><td>{N(w.Metrics["auc"])}</td><td>{N(w.Metrics["accuracy"])}</td>"
                + $"<td>{N(w.Metrics["log_loss"])}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Service(StringBuilder html, ServiceCheck? service)
    {
        if (service is null)
        {
            return;
        }

        var breached = service.Breaches.Any();
        html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"{(breached ? "drift" : "ok")}\">Service {E(service.Address)}</h2>\n"
            + $"<p>{E(service.Health?.Summary ?? service.Problem ?? "")}</p>\n");
        if (service.Objectives.Count > 0)
        {
            html.Append("<table><tr><th>Objective</th><th>Measured</th><th>Limit</th><th>Status</th></tr>\n");
            foreach (var o in service.Objectives)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(o.Objective)}</td><td>{(o.Value is { } v ? N(v) : "-")}</td><td>{N(o.Limit)}</td>"
                    + $"<td class=\"{(o.Breached ? "drift" : "ok")}\">{Lower(o.Status)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }
    }

    private static string Verdict(ColumnDrift c) => c.Skipped is { } why
        ? $"not tested: {why}"
        : string.Create(CultureInfo.InvariantCulture, $"{Lower(c.Method)} {N(c.Score)} (threshold {N(c.Threshold)})"
            + $"{(c.Statistic is { } s ? $", statistic {N(s)}" : "")}; PSI {N(c.Psi)} ({Lower(c.PsiBand)})");

    /// <summary>Paired bars per bin, the reference's and the current data's share, as inline SVG.</summary>
    private static string Histogram(IReadOnlyList<DriftBin> bins)
    {
        const double width = 340, height = 150, bottom = 20;
        if (bins.Count == 0)
        {
            return "";
        }

        var shown = bins.Take(40).ToList();
        var top = Math.Max(shown.Max(b => Math.Max(b.Reference, b.Current)), 1e-9);
        var slot = width / shown.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + bottom}\" role=\"img\">");
        for (var i = 0; i < shown.Count; i++)
        {
            var bin = shown[i];
            Bar(svg, (i * slot) + (slot * 0.1), slot * 0.4, bin.Reference / top * height, height, ReferenceColour, $"{bin.Label}: reference {bin.Reference:P1}");
            Bar(svg, (i * slot) + (slot * 0.5), slot * 0.4, bin.Current / top * height, height, CurrentColour, $"{bin.Label}: current {bin.Current:P1}");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#999\"/>");
        if (shown.Count <= 12 && !shown[0].Label.StartsWith('['))
        {
            // Values: each under its pair of bars.
            for (var i = 0; i < shown.Count; i++)
            {
                var label = shown[i].Label.Length > 10 ? shown[i].Label[..9] + "…" : shown[i].Label;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(i + 0.5) * slot:0.##}\" y=\"{height + 14}\" font-size=\"9\" text-anchor=\"middle\">"
                    + $"{E(label)}<title>{E(shown[i].Label)}</title></text>");
            }
        }
        else
        {
            // Ranges: the first and the last.
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{height + 14}\" font-size=\"10\">{E(shown[0].Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{height + 14}\" font-size=\"10\" text-anchor=\"end\">{E(shown[^1].Label)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, double x, double w, double h, double baseline, string colour, string title) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.##}\" y=\"{baseline - h:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>{E(title)}</title></rect>");

    private static string N(double value) => double.IsNaN(value) ? "-" : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
