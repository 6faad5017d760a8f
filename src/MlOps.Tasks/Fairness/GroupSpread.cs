namespace MlOps.Tasks.Fairness;

/// <summary>How far one rate is spread over groups: Fairlearn's between-groups difference and ratio.</summary>
/// <param name="Difference">Highest rate − lowest rate.</param>
/// <param name="Ratio">
/// Lowest rate / highest rate. When every rate is 0 Fairlearn divides 0 by 0 (NaN); here the groups are
/// equal, so the ratio is 1.
/// </param>
/// <param name="Lowest">The group with the lowest rate (the first in frame order on a tie).</param>
/// <param name="Highest">The group with the highest rate (the first in frame order on a tie).</param>
public sealed record GroupSpread(double Difference, double Ratio, string Lowest, string Highest)
{
    /// <summary>The spread of the rates; null when there is no group.</summary>
    internal static GroupSpread? Of(IEnumerable<(string Group, double Rate)> rates)
    {
        (string Group, double Rate)? lowest = null, highest = null;
        foreach (var rate in rates)
        {
            if (lowest is null || rate.Rate < lowest.Value.Rate)
            {
                lowest = rate;
            }

            if (highest is null || rate.Rate > highest.Value.Rate)
            {
                highest = rate;
            }
        }

        if (lowest is not { } low || highest is not { } high)
        {
            return null;
        }

        return new GroupSpread(high.Rate - low.Rate, Quotient(low.Rate, high.Rate), low.Group, high.Group);
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> of two rates, with 0 / 0 = 1 (both equal).</summary>
    internal static double Quotient(double numerator, double denominator) =>
        denominator == 0 ? (numerator == 0 ? 1 : double.PositiveInfinity) : numerator / denominator;
}
