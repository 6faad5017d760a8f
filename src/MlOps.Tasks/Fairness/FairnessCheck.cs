using System.Globalization;
using System.Text.Json;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Fairness;

/// <summary>
/// The BiasCheck gate: reads Validate's predictions.csv, measures the protected groups as Fairlearn and
/// AIF360 do for the favourable outcome, holds them to the pipeline's limits and writes fairness.json.
/// </summary>
public static class FairnessCheck
{
    /// <summary>The folders of MlOps.Tasks whose code can change this result; the rest (recording, messages) reuses it.</summary>
    internal static readonly string[] CodeFolders = ["Fairness", "CsvFiles"];

    /// <summary>Analyses <paramref name="predictions"/> (predictions.csv) and writes <paramref name="output"/> (fairness.json).</summary>
    public static FairnessReport Run(PipelineDefinition pipeline, string predictions, string predictionsName, string output)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var schema = pipeline.Schema ?? throw new UsageException($"{pipeline.File} has no 'schema' section; BiasCheck needs schema.protected.");
        var fairness = pipeline.Fairness;
        var favourablePositive = (fairness.Favourable ?? schema.Positive) == schema.Positive;
        var labels = new List<bool>();
        var predicted = new List<bool>();
        var values = schema.Protected.Select(_ => new List<string?>()).ToList();
        using (var reader = TableReader.Open(predictions, predictionsName, new CsvSection(), []))
        {
            var columns = reader.Columns.ToList();
            var indexes = schema.Protected.Select(p => columns.IndexOf(p.Column)).ToList();
            while (reader.Read())
            {
                labels.Add(reader[1].SequenceEqual("1") == favourablePositive);
                predicted.Add(reader[3].SequenceEqual("1") == favourablePositive);
                for (var i = 0; i < indexes.Count; i++)
                {
                    values[i].Add(reader[indexes[i]].Length == 0 ? null : reader[indexes[i]].ToString());
                }
            }
        }

        var attributes = schema.Protected.Select((p, i) => ProtectedColumn.Of(p, values[i], fairness.Privileged.GetValueOrDefault(p.Column))).ToList();
        var analysis = FairnessAnalysis.Analyze(labels, predicted, attributes, Limits(fairness));
        var gated = fairness.Gate.Count > 0 ? fairness.Gate : [.. schema.Protected.Select(p => p.Column)];
        var report = analysis with
        {
            Violations = [.. analysis.Violations.Where(v => v.Scope.Split(" & ").All(gated.Contains))],
        };
        FairnessFile.Write(output, report);
        return report;
    }

    /// <summary>What a fairness check depends on: the predictions, the sections it reads and the code.</summary>
    public static Fingerprints.Fingerprint Fingerprint(PipelineDefinition pipeline, string repositoryRoot, string predictions)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new Fingerprints.Fingerprint()
            .AddFile("predictions", repositoryRoot, predictions)
            .AddSection("schema", pipeline.Schema)
            .AddSection("fairness", pipeline.Fairness)
            .AddCode(typeof(FairnessCheck).Assembly, CodeFolders);
    }

    /// <summary>The sentence a user reads for <paramref name="violation"/>, with the line of its limit.</summary>
    public static string Describe(FairnessViolation violation, FairnessSection fairness)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(fairness);
        var relation = violation.Kind == LimitKind.Maximum ? "above the maximum" : "below the minimum";
        return string.Create(CultureInfo.InvariantCulture,
            $"{MetricName(violation)} of {violation.Scope} is {violation.Value:0.0000}, {relation} {violation.Limit} "
            + $"({string.Join(" vs ", violation.Groups)}) ({LocationOf(violation, fairness)})");
    }

    /// <summary>The metric of <paramref name="violation"/> by its name in the pipeline file and fairness.json (<c>equal_opportunity_difference</c>).</summary>
    public static string MetricName(FairnessViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(violation.Metric.ToString());
    }

    /// <summary>Where the pipeline file sets the limit <paramref name="violation"/> broke (else its fairness section).</summary>
    public static SourceLocation? LocationOf(FairnessViolation violation, FairnessSection fairness)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(fairness);
        return fairness.LocationOf($"{(violation.Kind == LimitKind.Maximum ? "max" : "min")}.{MetricName(violation)}");
    }

    private static FairnessLimits Limits(FairnessSection fairness) => new()
    {
        MaxDemographicParityDifference = fairness.Max.TryGetValue("demographic_parity_difference", out var a) ? a : null,
        MaxEqualOpportunityDifference = fairness.Max.TryGetValue("equal_opportunity_difference", out var b) ? b : null,
        MaxEqualizedOddsDifference = fairness.Max.TryGetValue("equalized_odds_difference", out var c) ? c : null,
        MinDemographicParityRatio = fairness.Min.TryGetValue("demographic_parity_ratio", out var d) ? d : null,
        MinEqualOpportunityRatio = fairness.Min.TryGetValue("equal_opportunity_ratio", out var e) ? e : null,
        MinEqualizedOddsRatio = fairness.Min.TryGetValue("equalized_odds_ratio", out var f) ? f : null,
        MinDisparateImpact = fairness.Min.TryGetValue("disparate_impact", out var g) ? g : UnprivilegedComparison.FourFifths,
        MinGroupSize = fairness.MinGroupSize,
    };
}
