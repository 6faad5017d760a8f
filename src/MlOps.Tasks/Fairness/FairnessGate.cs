namespace MlOps.Tasks.Fairness;

/// <summary>Checks the limits against each frame's gated aggregates and each disparate impact comparison.</summary>
internal static class FairnessGate
{
    public static IReadOnlyList<FairnessViolation> Evaluate(
        IEnumerable<MetricFrame> frames, IEnumerable<DisparateImpactResult> impacts, FairnessLimits limits)
    {
        var violations = new List<FairnessViolation>();
        foreach (var frame in frames)
        {
            var gated = frame.Gated;
            Maximum(violations, frame.Name, FairnessMetric.DemographicParityDifference, gated.SelectionRate, limits.MaxDemographicParityDifference);
            Minimum(violations, frame.Name, FairnessMetric.DemographicParityRatio, gated.SelectionRate, limits.MinDemographicParityRatio);
            Maximum(violations, frame.Name, FairnessMetric.EqualOpportunityDifference, gated.TruePositiveRate, limits.MaxEqualOpportunityDifference);
            Minimum(violations, frame.Name, FairnessMetric.EqualOpportunityRatio, gated.TruePositiveRate, limits.MinEqualOpportunityRatio);
            Maximum(violations, frame.Name, FairnessMetric.EqualizedOddsDifference, gated.WorstDifference, limits.MaxEqualizedOddsDifference);
            Minimum(violations, frame.Name, FairnessMetric.EqualizedOddsRatio, gated.WorstRatio, limits.MinEqualizedOddsRatio);
        }

        foreach (var impact in impacts)
        {
            if (limits.MinDisparateImpact is not { } limit || impact.PrivilegedSmall)
            {
                continue;
            }

            var comparisons = impact.Pooled is null ? impact.Groups : impact.Groups.Append(impact.Pooled);
            violations.AddRange(comparisons
                .Where(c => !c.Small && FairnessLimits.Below(c.DisparateImpact, limit))
                .Select(c => new FairnessViolation(
                    impact.Attribute, FairnessMetric.DisparateImpact, c.DisparateImpact, limit, [c.Group, impact.Privileged])));
        }

        return violations;
    }

    private static void Maximum(List<FairnessViolation> violations, string scope, FairnessMetric metric, GroupSpread? spread, double? limit)
    {
        if (spread is not null && limit is { } max && FairnessLimits.Above(spread.Difference, max))
        {
            violations.Add(new FairnessViolation(scope, metric, spread.Difference, max, [spread.Lowest, spread.Highest]));
        }
    }

    private static void Minimum(List<FairnessViolation> violations, string scope, FairnessMetric metric, GroupSpread? spread, double? limit)
    {
        if (spread is not null && limit is { } min && FairnessLimits.Below(spread.Ratio, min))
        {
            violations.Add(new FairnessViolation(scope, metric, spread.Ratio, min, [spread.Lowest, spread.Highest]));
        }
    }
}
