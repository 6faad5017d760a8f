using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MlOps.Models.Evaluation;

namespace MlOps.Tasks.Reports;

/// <summary>The HTML report: one self-contained file, plots inlined as base64 PNG data: URIs, every text escaped.</summary>
internal static partial class HtmlReport
{
    private const string Style = "body{font-family:sans-serif;margin:2em auto;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1em 0}"
        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eef}.fail{color:#b00;font-weight:bold}.pass{color:#070}"
        + "img{max-width:100%;border:1px solid #ddd;margin:4px}.plots{display:flex;flex-wrap:wrap}";

    public static string Write(ReportInputs inputs)
    {
        var m = inputs.Metrics;
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(m.VersionName)} report</title><style>{Style}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(m.Model)} v{m.Version}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(inputs.Pipeline.Description ?? "")}</p><p>Run <code>{E(inputs.Provenance.RunId)}</code>, "
                + $"trainer <code>{E(inputs.Provenance.Trainer)}</code>, data md5 <code>{E(inputs.Provenance.DataMd5)}</code>, "
                + $"commit <code>{E(inputs.Provenance.GitCommit)}</code>, bundle sha256 <code>{E(inputs.BundleSha256)}</code>.</p>\n");
        Plots(html, inputs);
        Table(html, "Held-out metrics", ["metric", "value"], m.Test.Select(p => new[] { p.Key, ModelCard.F(p.Value) }));
        if (m.Validation is { } validation)
        {
            Table(html, "Validate checks", ["result", "check", "message", "where"], (validation.Checks ?? []).Select(c =>
                new[] { c.Passed ? "passed" : "FAILED", c.Check, c.Message, c.Location ?? "" }));
            Table(html, "Behavioural tests", ["name", "kind", "rows", "failures", "allowed rate", "examples"], (validation.Behaviour ?? []).Select(b =>
                new[] { b.Name, b.Kind, b.Rows.ToString(CultureInfo.InvariantCulture),
                    b.Failures.ToString(CultureInfo.InvariantCulture), ModelCard.F(b.MaxFailureRate, "0.0%"),
                    string.Join("; ", b.Examples) }));
        }

        Fairness(html, inputs.Fairness);
        Explanation(html, inputs);
        Search(html, inputs);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Plots(StringBuilder html, ReportInputs inputs)
    {
        var rows = inputs.Predictions;
        var labels = rows.Select(r => r.Label).ToArray();
        var curves = BinaryCurves.Compute(labels, [.. rows.Select(r => r.Score)]);
        var test = inputs.Metrics.Test;
        var (tp, fp, tn, fn) = ModelCard.Confusion(inputs);
        html.Append("<h2>Plots</h2><div class=\"plots\">\n");
        Image(html, "ROC curve", ReportPlots.Roc(curves, test["auc"]));
        Image(html, "Precision-recall curve", ReportPlots.PrecisionRecall(curves, test["auc_pr"], labels.Count(l => l) / (double)labels.Length));
        Image(html, "Confusion matrix", ReportPlots.Confusion(tp, fp, tn, fn, inputs.Pipeline.Schema!.Positive));
        Image(html, "Calibration", ReportPlots.Calibration(curves));
        foreach (var frame in inputs.Fairness?.GetProperty("attributes").EnumerateArray() ?? Enumerable.Empty<JsonElement>())
        {
            var name = frame.Str("name");
            var index = inputs.Attributes.ToList().IndexOf(name);
            var groups = frame.GetProperty("groups").EnumerateArray().Select(g => g.Str("group")).ToList();
            if (index >= 0 && inputs.Pipeline.Schema!.Protected.FirstOrDefault(p => p.Column == name) is { } section)
            {
                // Rows grouped as BiasCheck groups them: by value, or by the attribute's explicit bins.
                var grouping = MlOps.Tasks.Fairness.Grouping.Of(MlOps.Tasks.Fairness.ProtectedColumn.Of(section, [.. rows.Select(r => (string?)r.Attributes[index])]));
                var groupOf = rows.Select((_, i) => grouping.Names[grouping.Rows[i]]).ToList();
                Image(html, $"Score distribution by {name}", ReportPlots.ScoreHistogram(name,
                    [.. groups.Select(g => (g, (IReadOnlyList<double>)[.. rows.Where((_, i) => groupOf[i] == g).Select(r => r.Score)]))]));
            }

            Image(html, $"Group rates by {name}", ReportPlots.GroupBars(name, [.. frame.GetProperty("groups").EnumerateArray().Select(g =>
                (g.Str("group"), g.GetProperty("selection_rate").GetDouble(), g.GetProperty("true_positive_rate").GetDouble()))]));
        }

        if (inputs.Explanation is { Importance.Count: > 0 } x)
        {
            Image(html, "Permutation feature importance", ReportPlots.Importance(x.Importance));
        }

        SweepImages(html, inputs);

        html.Append("</div>\n");
    }

    private static void Fairness(StringBuilder html, JsonElement? fairness)
    {
        if (fairness is not { } f)
        {
            html.Append("<h2>Fairness</h2><p>BiasCheck has not run.</p>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Fairness</h2><p>BiasCheck "
            + $"{(f.GetProperty("passed").GetBoolean() ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">FAILED</span>")}; "
            + $"{f.GetProperty("violations").GetArrayLength()} violations.</p>\n");
        foreach (var frame in ModelCard.FairnessFrames(f))
        {
            Table(html, $"By {frame.Str("name")}", ["group", "count", "selection rate", "TPR", "FPR", "precision", "accuracy", "small"],
                frame.GetProperty("groups").EnumerateArray().Select(g => new[] { g.Str("group"), g.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture),
                    ModelCard.F(g.GetProperty("selection_rate").GetDouble()), ModelCard.F(g.GetProperty("true_positive_rate").GetDouble()),
                    ModelCard.F(g.GetProperty("false_positive_rate").GetDouble()), ModelCard.F(g.GetProperty("precision").GetDouble()),
                    ModelCard.F(g.GetProperty("accuracy").GetDouble()), g.GetProperty("small").GetBoolean() ? "yes" : "" }));
        }

        foreach (var v in f.GetProperty("violations").EnumerateArray())
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"fail\">{E(ModelCard.Violation(v))}</p>\n");
        }
    }

    private static void Explanation(StringBuilder html, ReportInputs inputs)
    {
        html.Append("<h2>Explainability</h2>\n");
        if (inputs.Explanation is not { } x)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Not available: {E(inputs.ExplanationError ?? "")}.</p>\n");
            return;
        }

        Table(html, $"Permutation feature importance ({x.Permutations} permutations on {x.RowsShown}; one-hot slots summed per column)",
            ["column", "AUC drop", "std", "slots"],
            x.Importance.Select(c => new[] { c.Column, ModelCard.F(c.AucDrop), ModelCard.F(c.StandardDeviation), c.Slots.ToString(CultureInfo.InvariantCulture) }));
        if (x.Examples.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Per-prediction contributions: not available ({E(x.ContributionsNote ?? "")}).</p>\n");
        }

        foreach (var e in x.Examples)
        {
            Table(html, $"Contributions for {x.RowName} {e.Id} ({e.Why}, score {ModelCard.F(e.Score, "0.000")})", ["column", "contribution"],
                e.Contributions.Take(8).Select(c => new[] { c.Key, c.Value.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture) }));
        }
    }

    private static void Table(StringBuilder html, string caption, string[] header, IEnumerable<string[]> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(caption)}</h3><table><tr>").AppendJoin("", header.Select(h => $"<th>{E(h)}</th>")).Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(c => c is "FAILED" ? "<td class=\"fail\">FAILED</td>" : $"<td>{E(c)}</td>")).Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Image(StringBuilder html, string alt, byte[] png) =>
        html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
