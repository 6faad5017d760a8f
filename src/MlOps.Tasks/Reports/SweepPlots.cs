extern alias ScottPlotLib;

using MlOps.Tasks.Training;
using ScottPlotLib::ScottPlot;
using ScottPlotLib::ScottPlot.TickGenerators;

namespace MlOps.Tasks.Reports;

/// <summary>The plots of a hyper-parameter sweep, drawn with ScottPlot as PNG bytes as <see cref="ReportPlots"/> draws the others.</summary>
internal static class SweepPlots
{
    private const int Width = 560;
    private const int Height = 420;

    /// <summary>
    /// Each finished trial's objective by trial number, each pruned trial's where it stopped (the running mean of the folds
    /// it scored) in another marker, and the best finished objective so far as a step line.
    /// </summary>
    public static byte[] History(SweepHistory sweep)
    {
        var plot = new Plot();
        plot.Title($"Optimisation history ({sweep.Objective}, {(sweep.Minimises ? "lower" : "higher")} is better)");
        plot.XLabel("Trial");
        plot.YLabel($"Cross-validated {sweep.Objective}");
        var finished = sweep.Trials.Where(t => t.State == "finished" && t.Objective is not null).ToList();
        var pruned = sweep.Trials.Where(t => t.State == "pruned" && t.Objective is not null).ToList();
        Markers(plot, finished, MarkerShape.FilledCircle, Colors.SteelBlue, "finished trial");
        Markers(plot, pruned, MarkerShape.Eks, Colors.Gray, "pruned trial (where it stopped)");
        if (finished.Count > 0)
        {
            // The line runs on to the last trial, so that a sweep that stopped improving shows it.
            var last = sweep.Trials.Max(t => t.Number);
            var xs = finished.Select(t => (double)t.Number).Append(last).ToArray();
            var best = new double[xs.Length];
            for (var i = 0; i < xs.Length; i++)
            {
                var value = finished[Math.Min(i, finished.Count - 1)].Objective!.Value;
                best[i] = i == 0 ? value : sweep.Minimises ? Math.Min(best[i - 1], value) : Math.Max(best[i - 1], value);
            }

            var line = plot.Add.ScatterLine(xs, best);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.Color = Colors.DarkOrange;
            line.LegendText = "best so far";
        }

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height + 40, ImageFormat.Png);
    }

    /// <summary>Each searched parameter's share of the importance, as horizontal bars, most important on top.</summary>
    public static byte[] Importance(IReadOnlyList<SweepImportance> importance)
    {
        var plot = new Plot();
        plot.Title("Hyper-parameter importance (η², normalised)");
        var ordered = importance.Reverse().ToList();
        var bars = plot.Add.Bars(ordered.Select((p, i) => new Bar { Position = i, Value = p.Share, FillColor = Colors.SteelBlue }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual([.. ordered.Select((_, i) => (double)i)], [.. ordered.Select(p => p.Parameter)]);
        plot.XLabel("Share of the objective's variation explained");
        return plot.GetImageBytes(Width + 140, Math.Max(Height, (30 * ordered.Count) + 100), ImageFormat.Png);
    }

    private static void Markers(Plot plot, List<TrialRecord> trials, MarkerShape shape, Color color, string legend)
    {
        if (trials.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(trials.Select(t => (double)t.Number).ToArray(), trials.Select(t => t.Objective!.Value).ToArray(), shape, 8, color);
        markers.LegendText = legend;
    }
}
