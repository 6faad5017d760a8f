using System.Globalization;
using System.Text;
using System.Text.Json;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Reports;

/// <summary>
/// The model card (Mitchell et al., as the seed guide's template): model details, intended use,
/// training data, performance, explainability, limitations, ethical considerations — each filled
/// with the facts and numbers of this run.
/// </summary>
internal static partial class ModelCard
{
    public static string Write(ReportInputs inputs)
    {
        var card = new StringBuilder();
        var metrics = inputs.Metrics;
        card.Append(CultureInfo.InvariantCulture, $"# Model card: {metrics.Model} v{metrics.Version}\n\n");
        Details(card, inputs);
        Search(card, inputs);
        IntendedUse(card, inputs);
        TrainingData(card, inputs);
        Performance(card, inputs);
        Explainability(card, inputs);
        Limitations(card, inputs);
        Ethics(card, inputs);
        return card.ToString();
    }

    private static void Details(StringBuilder card, ReportInputs inputs)
    {
        var p = inputs.Provenance;
        var training = inputs.Pipeline.Training;
        var model = ModelParameters(inputs);
        var parameters = model.Count == 0 ? "the trainer's defaults"
            : string.Join(", ", model.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"));
        card.Append("## Model details\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Name: `{inputs.Metrics.VersionName}` (model `{p.ModelName}`, version {p.ModelVersion})\n")
            .Append(CultureInfo.InvariantCulture, $"- Type: binary classifier, ML.NET `{p.Trainer}` trainer; {parameters}; seed {training.Seed}\n")
            .Append(CultureInfo.InvariantCulture, $"- Trained: {p.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC in run `{p.RunId}` from git commit `{p.GitCommit}`\n")
            .Append(CultureInfo.InvariantCulture, $"- Bundle: `model.mlbundle`, sha256 `{inputs.BundleSha256}`, signed (ECDSA P-256)\n")
            .Append(CultureInfo.InvariantCulture, $"- Pipeline file: `{inputs.Pipeline.File}`\n\n");
    }

    private static void IntendedUse(StringBuilder card, ReportInputs inputs)
    {
        var schema = inputs.Pipeline.Schema!;
        card.Append("## Intended use\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Purpose: {inputs.Pipeline.Description ?? "(the pipeline file gives no description)"}\n")
            .Append(CultureInfo.InvariantCulture, $"- Output: the probability that `{schema.Label}` is `{schema.Positive}`; scores above 0.5 predict `{schema.Positive}`.\n");
        if (inputs.Pipeline.Fairness.Favourable is { } favourable)
        {
            card.Append(CultureInfo.InvariantCulture, $"- The favourable outcome for the person scored is `{schema.Label}` = `{favourable}`.\n");
        }

        var ranges = inputs.Pipeline.Expectations.Where(e => e.Expect == "expect_column_values_to_be_between" && e.Column is not null and not "*").ToList();
        if (ranges.Count > 0)
        {
            card.Append("- In scope: applicants like the training rows, inside the ranges the data gate enforces: ")
                .AppendJoin(", ", ranges.Select(e => $"{e.Column} {Range(e)}")).Append(".\n");
        }

        card.Append("- Out of scope: rows outside those ranges or with categories not seen in training, and any use as the sole basis of a decision about a person.\n\n");
    }

    private static void TrainingData(StringBuilder card, ReportInputs inputs)
    {
        var m = inputs.Metrics;
        var pipeline = inputs.Pipeline;
        var rows = m.Rows;
        var label = string.Create(CultureInfo.InvariantCulture,
            $"{inputs.Predictions.Count(r => r.Label) / (double)inputs.Predictions.Count:P1}");
        card.Append("## Training data\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Table: `{pipeline.Data.Table ?? pipeline.Data.Path}`, md5 `{m.DataMd5}`")
            .Append(pipeline.Data.Source?.Generator is not null ? " (synthetic: the sample generator, docs/sample-data.md)\n" : "\n")
            .Append(CultureInfo.InvariantCulture, $"- Split: {rows.Train:N0} training rows, {rows.Test:N0} held out ")
            .Append(CultureInfo.InvariantCulture, $"(test fraction {pipeline.Training.TestFraction} of each class, by a hash of each row's {Key(inputs)}: "
                + $"the same rows for every seed and version); {label} of the held-out rows are `{pipeline.Schema!.Positive}`\n")
            .Append(CultureInfo.InvariantCulture, $"- Not read by the model: "
                + $"{(pipeline.Training.Exclude.Count == 0 ? "nothing excluded" : string.Join(", ", pipeline.Training.Exclude.Select(c => $"`{c}`")))}\n\n")
            .Append("| Feature | Encoding |\n| --- | --- |\n");
        foreach (var (name, encoding) in inputs.Run.Params.Where(p => p.Key.StartsWith("feature.", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            card.Append(CultureInfo.InvariantCulture, $"| {name["feature.".Length..]} | {encoding} |\n");
        }

        card.Append('\n');
    }

    private static string Key(ReportInputs inputs) =>
        inputs.Run.Params.GetValueOrDefault("row_key") is { } key and not "content" ? $"id (`{key}`)" : "content";

    private static string Range(ExpectationSection e) =>
        FormattableString.Invariant($"{(e.MinValue is { } min ? $"{(e.StrictMin ? ">" : "≥")} {min}" : "")}")
            + FormattableString.Invariant($"{(e.MinValue is not null && e.MaxValue is not null ? " and " : "")}")
            + FormattableString.Invariant($"{(e.MaxValue is { } max ? $"{(e.StrictMax ? "<" : "≤")} {max}" : "")}");

    internal static string Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    internal static string F(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);
}
