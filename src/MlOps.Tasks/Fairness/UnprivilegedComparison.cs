namespace MlOps.Tasks.Fairness;

/// <summary>AIF360's signed comparison of an unprivileged group's selection rate with the privileged group's.</summary>
/// <param name="Group">The group, or <c>(all others)</c> for every non-privileged row pooled, as AIF360 defines unprivileged.</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="SelectionRate">The group's selection rate.</param>
/// <param name="StatisticalParityDifference">Selection rate − the privileged group's.</param>
/// <param name="DisparateImpact">
/// Selection rate / the privileged group's. When the privileged rate is 0 it is 1 if this rate is 0 too
/// (no disparity) and +∞ otherwise (AIF360 divides by zero).
/// </param>
/// <param name="AdverseImpact">The four-fifths rule: disparate impact below 0.8.</param>
/// <param name="Small">Fewer rows than the minimum group size: reported, but not part of the gate's decision.</param>
public sealed record UnprivilegedComparison(
    string Group, long Count, double SelectionRate, double StatisticalParityDifference, double DisparateImpact, bool AdverseImpact, bool Small)
{
    /// <summary>The name of every non-privileged row pooled.</summary>
    public const string AllOthers = "(all others)";

    /// <summary>The four-fifths rule's bound on disparate impact.</summary>
    public const double FourFifths = 0.8;

    internal static UnprivilegedComparison Of(string group, long count, long predictedPositives, double privilegedRate, int minGroupSize)
    {
        var rate = count == 0 ? 0 : (double)predictedPositives / count;
        var impact = GroupSpread.Quotient(rate, privilegedRate);
        return new UnprivilegedComparison(
            group, count, rate, rate - privilegedRate, impact, FairnessLimits.Below(impact, FourFifths), count < minGroupSize);
    }
}
