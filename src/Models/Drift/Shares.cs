using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>The checks the distances over binned shares make before they measure anything.</summary>
internal static class Shares
{
    /// <summary>Throws unless both lists have the same, non-zero length and hold no negative or NaN share.</summary>
    public static BinnedShares Check(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count != current.Count)
        {
            throw new ArgumentException(
                $"There are {reference.Count} reference shares but {current.Count} current shares; give one of each per bin.",
                nameof(current));
        }

        Samples.RequireRows(reference.Count, nameof(reference));
        Require(reference, nameof(reference));
        Require(current, nameof(current));
        return new BinnedShares { Reference = reference, Current = current };
    }

    private static void Require(IReadOnlyList<double> shares, string parameter)
    {
        for (var bin = 0; bin < shares.Count; bin++)
        {
            // Written so that NaN fails too.
            if (!(shares[bin] >= 0))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The {parameter} share of bin {bin} (counting from 0) is {shares[bin]}; shares must be at least 0."),
                    parameter);
            }
        }

        if (shares.All(s => s == 0))
        {
            throw new ArgumentException($"Every {parameter} share is 0; a sample must fall in at least one bin.", parameter);
        }
    }
}
