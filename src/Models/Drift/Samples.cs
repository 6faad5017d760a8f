using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>The checks every drift statistic makes on the two samples before it measures anything.</summary>
internal static class Samples
{
    /// <summary>A sorted copy of <paramref name="values"/>; throws when it is empty or holds NaN.</summary>
    public static double[] SortedCopy(ReadOnlySpan<double> values, string parameter)
    {
        RequireValues(values, parameter);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Throws unless there is at least one value and none is NaN (missing values are the caller's to drop).</summary>
    public static void RequireValues(ReadOnlySpan<double> values, string parameter)
    {
        RequireRows(values.Length, parameter);
        for (var row = 0; row < values.Length; row++)
        {
            if (double.IsNaN(values[row]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The {parameter} sample holds NaN at row {row} (counting from 0); drop missing values before testing for drift."),
                    parameter);
            }
        }
    }

    /// <summary>Throws when a sample has no rows.</summary>
    public static void RequireRows(long rows, string parameter)
    {
        if (rows == 0)
        {
            throw new ArgumentException(
                $"The {parameter} sample is empty; drift is measured between two samples of at least one value each.", parameter);
        }
    }
}
