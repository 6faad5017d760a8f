extern alias ScottPlotLib;

using MlOps.Models.Evaluation;
using ScottPlotLib::ScottPlot;
using ScottPlotLib::ScottPlot.TickGenerators;

namespace MlOps.Tasks.Reports;

/// <summary>The report's plots, drawn with ScottPlot as PNG bytes.</summary>
internal static class ReportPlots
{
    private const int Width = 560;
    private const int Height = 420;

    public static byte[] Roc(BinaryCurves curves, double auc)
    {
        var plot = Square("ROC curve", "False positive rate", "True positive rate");
        var line = plot.Add.ScatterLine(curves.Roc.Select(p => p.FalsePositiveRate).ToArray(), curves.Roc.Select(p => p.TruePositiveRate).ToArray());
        line.LegendText = $"model (AUC {ModelCard.F(auc)})";
        line.LineWidth = 2;
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        plot.ShowLegend(Alignment.LowerRight);
        return Png(plot);
    }

    public static byte[] PrecisionRecall(BinaryCurves curves, double auc, double baseRate)
    {
        var plot = Square("Precision-recall curve", "Recall", "Precision");
        var line = plot.Add.ScatterLine(curves.PrecisionRecall.Select(p => p.Recall).ToArray(), curves.PrecisionRecall.Select(p => p.Precision).ToArray());
        line.LegendText = $"model (AUC-PR {ModelCard.F(auc)})";
        line.LineWidth = 2;
        var chance = plot.Add.HorizontalLine(baseRate);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = $"base rate {baseRate:0.000}";
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    public static byte[] Calibration(BinaryCurves curves)
    {
        var plot = Square("Calibration", "Mean predicted probability", "Fraction positive");
        var bins = curves.Calibration.Where(b => b.Count > 0).ToList();
        var line = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.FractionPositive).ToArray());
        line.LegendText = "model (per score bin)";
        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.LegendText = "perfectly calibrated";
        plot.ShowLegend(Alignment.UpperLeft);
        return Png(plot);
    }

    public static byte[] Confusion(int tp, int fp, int tn, int fn, string positive)
    {
        var plot = new Plot();
        plot.Title("Confusion matrix (threshold 0.5)");
        var max = (double)Math.Max(Math.Max(tp, fp), Math.Max(tn, fn));
        foreach (var (x, y, count, name) in new[] { (0, 1, tn, "TN"), (1, 1, fp, "FP"), (0, 0, fn, "FN"), (1, 0, tp, "TP") })
        {
            var cell = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
            cell.FillColor = Colors.SteelBlue.WithAlpha(0.15 + (0.85 * count / max));
            cell.LineColor = Colors.White;
            var text = plot.Add.Text($"{name}\n{count:N0}", x, y);
            text.LabelFontSize = 22;
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontColor = count / max > 0.5 ? Colors.White : Colors.Black;
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual([0, 1], ["predicted not " + positive, "predicted " + positive]);
        plot.Axes.Left.TickGenerator = new NumericManual([1, 0], ["actual not " + positive, "actual " + positive]);
        plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        return Png(plot);
    }

    public static byte[] ScoreHistogram(string attribute, IReadOnlyList<(string Group, IReadOnlyList<double> Scores)> groups)
    {
        var plot = new Plot();
        plot.Title($"Score distribution by {attribute}");
        plot.XLabel("Score");
        plot.YLabel("Share of the group's rows");
        const int Bins = 20;
        foreach (var (group, scores) in groups)
        {
            var share = new double[Bins];
            foreach (var s in scores)
            {
                share[Math.Clamp((int)(s * Bins), 0, Bins - 1)] += 1.0 / scores.Count;
            }

            var line = plot.Add.ScatterLine(Enumerable.Range(0, Bins).Select(b => (b + 0.5) / Bins).ToArray(), share);
            line.LegendText = $"{group} (n={scores.Count:N0})";
            line.LineWidth = 2;
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return Png(plot);
    }

    public static byte[] GroupBars(string attribute, IReadOnlyList<(string Group, double SelectionRate, double TruePositiveRate)> groups)
    {
        var plot = new Plot();
        plot.Title($"Selection rate and true positive rate by {attribute}");
        var bars = new List<Bar>();
        for (var i = 0; i < groups.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 0, Value = groups[i].SelectionRate, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = (i * 3) + 1, Value = groups[i].TruePositiveRate, FillColor = Colors.DarkOrange });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "selection rate", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "true positive rate", FillColor = Colors.DarkOrange });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, groups.Count).Select(i => (i * 3) + 0.5)], [.. groups.Select(g => g.Group)]);
        plot.Axes.SetLimits(-1, groups.Count * 3, 0, 1.25);
        return Png(plot);
    }

    public static byte[] Importance(IReadOnlyList<ColumnImportance> importance)
    {
        var plot = new Plot();
        plot.Title("Permutation feature importance (AUC drop, ± 1 std)");
        var ordered = importance.Reverse().ToList();
        var bars = ordered.Select((c, i) => new Bar { Position = i, Value = c.AucDrop, Error = c.StandardDeviation, FillColor = Colors.SteelBlue }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual([.. ordered.Select((_, i) => (double)i)], [.. ordered.Select(c => c.Column)]);
        plot.XLabel("Drop in held-out AUC");
        return plot.GetImageBytes(Width + 140, Math.Max(Height, 30 * ordered.Count + 100), ImageFormat.Png);
    }

    private static Plot Square(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        return plot;
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
