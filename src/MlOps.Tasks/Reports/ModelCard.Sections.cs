using System.Globalization;
using System.Text;

namespace MlOps.Tasks.Reports;

/// <content>Performance, explainability, limitations and ethical considerations.</content>
internal static partial class ModelCard
{
    private static readonly string[] MetricNames = ["auc", "auc_pr", "accuracy", "precision", "recall", "f1", "log_loss", "brier", "calibration_error"];

    private static void Performance(StringBuilder card, ReportInputs inputs)
    {
        var m = inputs.Metrics;
        var cv = m.CrossValidation;
        var hasCv = cv is not null;
        card.Append("## Performance\n\n")
            .Append(CultureInfo.InvariantCulture, $"On the {inputs.Predictions.Count:N0} held-out rows (threshold 0.5)")
            .Append(hasCv ? string.Create(CultureInfo.InvariantCulture, $" and in {cv!.Folds}-fold cross-validation on the training rows:\n\n") : ":\n\n")
            .Append(hasCv ? "| Metric | Held out | CV mean ± std |\n| --- | --- | --- |\n" : "| Metric | Held out |\n| --- | --- |\n");
        var test = m.Test;
        foreach (var name in MetricNames.Where(test.ContainsKey))
        {
            card.Append(CultureInfo.InvariantCulture, $"| {name} | {F(test[name])} |")
                .Append(hasCv ? $" {F(cv!.Mean[name])} ± {F(cv.Std[name])} |\n" : "\n");
        }

        var c = Confusion(inputs);
        card.Append(CultureInfo.InvariantCulture, $"\nConfusion matrix: {c.Tp} true positives, {c.Fp} false positives, {c.Tn} true negatives, {c.Fn} false negatives.\n\n");
        if (m.Validation is { } validation)
        {
            var checks = validation.Checks ?? [];
            card.Append(CultureInfo.InvariantCulture, $"Validate gate: {(validation.Passed ? "passed" : "FAILED")}, "
                + $"{checks.Count(k => k.Passed)} of {checks.Count} checks passed:\n\n");
            foreach (var check in checks)
            {
                card.Append(CultureInfo.InvariantCulture, $"- {(check.Passed ? "passed" : "FAILED")}: {check.Message}\n");
            }

            card.Append('\n');
        }
    }

    private static void Explainability(StringBuilder card, ReportInputs inputs)
    {
        card.Append("## Explainability\n\n");
        if (inputs.Explanation is not { } x)
        {
            card.Append(CultureInfo.InvariantCulture, $"Not available: {inputs.ExplanationError}.\n\n");
            return;
        }

        card.Append(CultureInfo.InvariantCulture, $"Permutation feature importance (ML.NET) on {x.RowsShown}, {x.Permutations} permutations: "
                + $"the drop in AUC when a column's values are shuffled; ")
            .Append("for one-hot columns and missing-value flags the drops of the column's slots are summed.\n\n| Column | AUC drop | Std | Slots |\n| --- | --- | --- | --- |\n");
        foreach (var c in x.Importance)
        {
            card.Append(CultureInfo.InvariantCulture, $"| {c.Column} | {F(c.AucDrop)} | {F(c.StandardDeviation)} | {c.Slots} |\n");
        }

        card.Append('\n');
        if (x.Examples.Count == 0)
        {
            card.Append(CultureInfo.InvariantCulture, $"Per-prediction contributions: not available ({x.ContributionsNote}).\n\n");
            return;
        }

        card.Append("Per-prediction contributions (ML.NET FeatureContributionCalculator, in the model's raw score units), top 5 columns:\n\n");
        foreach (var e in x.Examples)
        {
            card.Append(CultureInfo.InvariantCulture, $"- {x.RowName} `{e.Id}` ({e.Why}, score {F(e.Score, "0.000")}): ")
                .AppendJoin(", ", e.Contributions.Take(5).Select(k => $"{k.Key} {k.Value.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)}")).Append('\n');
        }

        card.Append('\n');
    }

    internal static (int Tp, int Fp, int Tn, int Fn) Confusion(ReportInputs inputs)
    {
        var rows = inputs.Predictions;
        var tp = rows.Count(r => r.Label && r.Predicted);
        var fp = rows.Count(r => !r.Label && r.Predicted);
        var fn = rows.Count(r => r.Label && !r.Predicted);
        return (tp, fp, rows.Count - tp - fp - fn, fn);
    }
}
