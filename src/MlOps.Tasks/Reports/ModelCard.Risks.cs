using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MlOps.Tasks.Reports;

/// <content>Limitations and ethical considerations, from the numbers of the gates.</content>
internal static partial class ModelCard
{
    private static void Limitations(StringBuilder card, ReportInputs inputs)
    {
        var test = inputs.Metrics.Test;
        var schema = inputs.Pipeline.Schema!;
        card.Append("## Limitations\n\n")
            .Append(CultureInfo.InvariantCulture, $"- At the 0.5 threshold the model finds {test["recall"]:P1} "
                + $"of the `{schema.Label}` = `{schema.Positive}` rows, ")
            .Append(CultureInfo.InvariantCulture, $"with precision {test["precision"]:P1}; "
                + $"a different threshold trades one for the other (see the PR curve in report.html).\n")
            .Append(CultureInfo.InvariantCulture, $"- Held-out AUC {F(test["auc"])}; "
                + $"expected calibration error {F(test["calibration_error"])} "
                + $"(scores read as probabilities are off by about that much on average).\n");
        if (inputs.Metrics.CrossValidation is { } cv)
        {
            card.Append(CultureInfo.InvariantCulture, $"- AUC varies by ± {F(cv.Std["auc"])} "
                + $"(one standard deviation) across cross-validation folds.\n");
        }

        if (inputs.Metrics.Validation is { } validation)
        {
            foreach (var b in (validation.Behaviour ?? []).Where(b => b.Failures > 0))
            {
                var example = b.Examples.Count > 0 ? b.Examples[0] : null;
                card.Append(CultureInfo.InvariantCulture, $"- Behavioural test '{b.Name}' ({b.Kind}): "
                        + $"{b.Failures} of {b.Rows} cases failed")
                    .Append(example is null ? ".\n" : $", e.g. {example}.\n");
            }
        }

        if (inputs.Fairness is { } fairness)
        {
            // The finest frame: the intersection, or the one attribute's own frame when there is no intersection.
            var finest = FairnessFrames(fairness).LastOrDefault();
            var small = finest.ValueKind == JsonValueKind.Object
                ? finest.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("small").GetBoolean()).ToList()
                : [];
            if (small.Count > 0)
            {
                card.Append(CultureInfo.InvariantCulture, $"- Too few held-out rows (under {fairness.GetProperty("min_group_size").GetInt32()}) to judge the model on: ")
                    .AppendJoin(", ", small.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Str("group")} (n={g.GetProperty("count").GetInt32()})"))).Append(".\n");
            }
        }

        if (inputs.Pipeline.Data.Source?.Generator is not null)
        {
            card.Append("- Trained and evaluated on synthetic data from the sample generator: the numbers say nothing about real applicants.\n");
        }

        card.Append('\n');
    }

    private static void Ethics(StringBuilder card, ReportInputs inputs)
    {
        var pipeline = inputs.Pipeline;
        card.Append("## Ethical considerations\n\n");
        foreach (var attribute in pipeline.Schema!.Protected)
        {
            var read = pipeline.Training.Exclude.Contains(attribute.Column) ? "excluded from the features" : "read by the model as a feature";
            var bins = attribute.Bins.Count == 0 ? "" : $", in bins {string.Join(", ", attribute.Bins.Select(b => b.ToString(CultureInfo.InvariantCulture)))}";
            var gated = pipeline.Fairness.Gate.Contains(attribute.Column) ? "gated by BiasCheck" : "measured and reported, not gated";
            card.Append(CultureInfo.InvariantCulture, $"- Protected attribute `{attribute.Column}`{bins}: {read}; {gated}.\n");
        }

        if (inputs.Fairness is not { } fairness)
        {
            card.Append("- BiasCheck has not run: no fairness measurements.\n\n");
            return;
        }

        card.Append("- Excluded attributes can still be reconstructed from correlated features; the measurements below are of outcomes, not of inputs.\n\n")
            .Append("| Attribute | Selection rate by group | Demographic parity difference | Equal opportunity difference |\n| --- | --- | --- | --- |\n");
        foreach (var frame in FairnessFrames(fairness))
        {
            var rates = string.Join(", ", frame.GetProperty("groups").EnumerateArray().Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Str("group")} {F(g.GetProperty("selection_rate").GetDouble(), "0.000")}")));
            var aggregates = frame.GetProperty("aggregates");
            card.Append(CultureInfo.InvariantCulture, $"| {frame.Str("name")} | {rates} | "
                + $"{F(aggregates.GetProperty("demographic_parity_difference").GetDouble())} | "
                + $"{F(aggregates.GetProperty("equal_opportunity_difference").GetDouble())} |\n");
        }

        card.Append('\n');
        foreach (var di in fairness.GetProperty("disparate_impact").EnumerateArray())
        {
            var worst = di.GetProperty("groups").EnumerateArray().MinBy(g => g.GetProperty("disparate_impact").GetDouble());
            card.Append(CultureInfo.InvariantCulture, $"- Disparate impact of `{di.Str("attribute")}` against privileged `{di.Str("privileged")}`: "
                + $"lowest {F(worst.GetProperty("disparate_impact").GetDouble(), "0.000")} ({worst.Str("group")}); "
                + $"the four-fifths rule asks for at least 0.8.\n");
        }

        var violations = fairness.GetProperty("violations").EnumerateArray().ToList();
        card.Append(CultureInfo.InvariantCulture,
                $"- BiasCheck: {(fairness.GetProperty("passed").GetBoolean() ? "within every limit" : $"{violations.Count} limits exceeded")}"
                + $" of the pipeline file ")
            .AppendJoin(", ", pipeline.Fairness.Max.Select(k => $"{k.Key} ≤ {k.Value.ToString(CultureInfo.InvariantCulture)}")
                .Concat(pipeline.Fairness.Min.Select(k => $"{k.Key} ≥ {k.Value.ToString(CultureInfo.InvariantCulture)}"))).Append(".\n");
        foreach (var v in violations)
        {
            card.Append(CultureInfo.InvariantCulture, $"  - {Violation(v)}\n");
        }

        card.Append('\n');
    }

    /// <summary>A fairness violation of fairness.json in words: metric, scope, value, limit and the groups.</summary>
    internal static string Violation(JsonElement violation)
    {
        var maximum = violation.GetProperty("kind").GetString() == "maximum";
        var groups = string.Join(" vs ", violation.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        return string.Create(CultureInfo.InvariantCulture,
            $"{violation.GetProperty("metric").GetString()} of {violation.GetProperty("scope").GetString()} "
            + $"is {violation.GetProperty("value").GetDouble():0.0000}, {(maximum ? "above the maximum" : "below the minimum")} "
            + $"{violation.GetProperty("limit").GetDouble()} ({groups})");
    }

    /// <summary>fairness.json's metric frames: one per protected attribute, then their intersection when there are two or more.</summary>
    internal static IEnumerable<JsonElement> FairnessFrames(JsonElement fairness)
    {
        var attributes = fairness.GetProperty("attributes").EnumerateArray();
        return fairness.TryGetProperty("intersection", out var intersection) && intersection.ValueKind == JsonValueKind.Object
            ? attributes.Append(intersection)
            : attributes;
    }
}
