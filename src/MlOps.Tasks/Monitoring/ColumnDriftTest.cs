using System.Globalization;
using MlOps.Models.Drift;
using MlOps.Models.Schema;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>Tests one column of the current data against the reference: Evidently's default choice, or the method the pipeline file names.</summary>
public static class ColumnDriftTest
{
    /// <summary>The threshold a method uses when the pipeline file gives none (Evidently's defaults).</summary>
    public static double DefaultThreshold(DriftMethod method) => method is DriftMethod.Ks or DriftMethod.Chisquare or DriftMethod.Z ? 0.05 : 0.1;

    /// <summary>Runs the test of <paramref name="configured"/> (or Evidently's default) on the two samples of one column.</summary>
    /// <exception cref="UsageException">The method cannot test this column (z on more than two values).</exception>
    public static ColumnDrift Run(ColumnSample reference, ColumnSample current, DriftMethodSection? configured)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var numeric = reference.Type == ColumnType.Numeric;
        if (reference.Present == 0 || current.Present == 0)
        {
            return Skipped(reference, current, configured, $"no values in the {(reference.Present == 0 ? "reference" : "current data")}");
        }

        var (refNumbers, curNumbers) = numeric ? (reference.NumberArray(), current.NumberArray()) : ([], []);
        var distinct = numeric ? DistinctUpTo(refNumbers, curNumbers, 6) : reference.Values.Concat(current.Values).Distinct(StringComparer.Ordinal).Count();
        var method = configured?.Method ?? Default(reference.Present, reference.Type, distinct);
        var threshold = configured?.Threshold ?? DefaultThreshold(method);
        var (score, statistic, exact) = numeric
            ? Score(method, refNumbers, curNumbers, reference.Name)
            : Score(method, reference.Values, current.Values, reference.Name);
        var direction = method switch
        {
            DriftMethod.Ks => DriftDirection.PValueAtMost,
            DriftMethod.Chisquare or DriftMethod.Z => DriftDirection.PValueBelow,
            _ => DriftDirection.DistanceAtLeast,
        };
        var (bins, psi) = numeric ? NumericBins(refNumbers, curNumbers) : CategoryBins(reference.Values, current.Values);
        return new ColumnDrift
        {
            Column = reference.Name,
            Type = reference.Type,
            Method = method,
            IsDefault = configured is null,
            Score = score,
            Statistic = statistic,
            Exact = exact,
            Threshold = threshold,
            Drift = new DriftCriterion(DriftStatTest.KolmogorovSmirnov, threshold, direction).IsDrift(score),
            Psi = psi,
            ReferenceRows = reference.Present,
            CurrentRows = current.Present,
            ReferenceMissing = reference.MissingShare,
            CurrentMissing = current.MissingShare,
            CurrentInvalid = current.Invalid,
            Bins = bins,
        };
    }

    private static DriftMethod Default(long referenceRows, ColumnType type, long distinct) =>
        DriftTestChoice.DefaultFor(referenceRows, type == ColumnType.Numeric ? ColumnKind.Numeric : ColumnKind.Categorical, distinct).Test switch
        {
            DriftStatTest.KolmogorovSmirnov => DriftMethod.Ks,
            DriftStatTest.ChiSquare => DriftMethod.Chisquare,
            DriftStatTest.ZTest => DriftMethod.Z,
            DriftStatTest.Wasserstein => DriftMethod.Wasserstein,
            _ => DriftMethod.Jensenshannon,
        };

    private static (double Score, double? Statistic, bool? Exact) Score(DriftMethod method, double[] reference, double[] current, string column)
    {
        switch (method)
        {
            case DriftMethod.Ks:
                var ks = KolmogorovSmirnovTest.Compute(reference, current);
                return (ks.PValue, ks.Statistic, ks.IsExact);
            case DriftMethod.Wasserstein:
                return (WassersteinDistance.Normed(reference, current), null, null);
            case DriftMethod.Hellinger:
                return (HellingerDistance.OfNumbers(reference, current), null, null);
            case DriftMethod.Jensenshannon:
                return (JensenShannonDistance.Compute(DriftBinning.Bin(reference, current)), null, null);
            case DriftMethod.Psi:
                return (PopulationStabilityIndex.Compute(DriftBinning.Bin(reference, current)), null, null);
            case DriftMethod.Kl:
                return (KullbackLeiblerDivergence.Compute(DriftBinning.Bin(reference, current)), null, null);
            default:
                return Score(method, [.. reference.Select(Text)], [.. current.Select(Text)], column);
        }
    }

    private static (double Score, double? Statistic, bool? Exact) Score(DriftMethod method, IReadOnlyList<string> reference, IReadOnlyList<string> current, string column)
    {
        switch (method)
        {
            case DriftMethod.Chisquare:
                var chi = ChiSquareTest.Compute(reference, current);
                return (chi.PValue, chi.Statistic, null);
            case DriftMethod.Z:
                var values = reference.Concat(current).Distinct(StringComparer.Ordinal).Count();
                if (values > 2)
                {
                    throw new UsageException($"The z test compares two proportions, but column '{column}' holds {values} distinct values; "
                        + "use chisquare or jensenshannon for it in monitoring.");
                }

                var z = ProportionsZTest.Compute(reference, current);
                return (z.PValue, z.Statistic, null);
            case DriftMethod.Jensenshannon:
                return (JensenShannonDistance.Compute(DriftBinning.BinValues(reference, current)), null, null);
            case DriftMethod.Psi:
                return (PopulationStabilityIndex.Compute(DriftBinning.BinValues(reference, current)), null, null);
            case DriftMethod.Kl:
                return (KullbackLeiblerDivergence.Compute(DriftBinning.BinValues(reference, current)), null, null);
            case DriftMethod.Hellinger:
                return (HellingerDistance.OfCategories(reference, current), null, null);
            default:
                throw new UsageException($"The {method.ToString().ToLowerInvariant()} test needs numbers, but column '{column}' holds categories; "
                    + "use chisquare, z, jensenshannon, psi, kl or hellinger for it in monitoring.");
        }
    }

    private static (IReadOnlyList<DriftBin> Bins, double Psi) NumericBins(double[] reference, double[] current)
    {
        var shares = DriftBinning.Bin(reference, current);
        var psi = PopulationStabilityIndex.Compute(shares);
        if (shares.Edges.Count == 0)
        {
            // One bin per value, in the order first seen: label them by value.
            var labels = reference.Concat(current).Distinct().Select(Text).ToList();
            return ([.. labels.Select((label, i) => new DriftBin(label, shares.Reference[i], shares.Current[i]))], psi);
        }

        var edges = shares.Edges;
        var bins = Enumerable.Range(0, edges.Count - 1)
            .Select(i => new DriftBin(string.Create(CultureInfo.InvariantCulture, $"[{edges[i]:G6}, {edges[i + 1]:G6}{(i == edges.Count - 2 ? "]" : ")")}"),
                shares.Reference[i], shares.Current[i]))
            .ToList();
        return (bins, psi);
    }

    private static (IReadOnlyList<DriftBin> Bins, double Psi) CategoryBins(IReadOnlyList<string> reference, IReadOnlyList<string> current)
    {
        var shares = DriftBinning.BinValues(reference, current);
        var labels = reference.Concat(current).Distinct(StringComparer.Ordinal).ToList();
        return ([.. labels.Select((label, i) => new DriftBin(label, shares.Reference[i], shares.Current[i]))], PopulationStabilityIndex.Compute(shares));
    }

    private static int DistinctUpTo(double[] reference, double[] current, int limit)
    {
        var seen = new HashSet<double>();
        foreach (var value in reference.Concat(current))
        {
            if (seen.Add(value) && seen.Count >= limit)
            {
                break;
            }
        }

        return seen.Count;
    }

    private static ColumnDrift Skipped(ColumnSample reference, ColumnSample current, DriftMethodSection? configured, string why) => new()
    {
        Column = reference.Name,
        Type = reference.Type,
        Method = configured?.Method ?? DriftMethod.Jensenshannon,
        IsDefault = configured is null,
        Score = double.NaN,
        Threshold = configured?.Threshold ?? double.NaN,
        Drift = false,
        Psi = double.NaN,
        ReferenceRows = reference.Present,
        CurrentRows = current.Present,
        ReferenceMissing = reference.MissingShare,
        CurrentMissing = current.MissingShare,
        CurrentInvalid = current.Invalid,
        Bins = [],
        Skipped = why,
    };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
