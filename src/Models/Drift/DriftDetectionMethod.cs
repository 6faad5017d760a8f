using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>
/// The Drift Detection Method of Gama et al. (2004) over a stream of prediction outcomes, with river's update
/// rule (<c>river.drift.binary.DDM</c> of river 0.26.1, the version followed here, unchanged since 0.22).
/// As river documents its input, <b>1 means the prediction was wrong and 0 that it was right</b>.
/// <list type="number">
/// <item>the error rate pᵢ is the running mean of the outcomes and sᵢ = √(pᵢ(1 − pᵢ) / i);</item>
/// <item>once more than <see cref="WarmStart"/> outcomes are read, pᵢ and sᵢ are kept as p_min and s_min
/// whenever pᵢ + sᵢ ≤ p_min + s_min (the first time always);</item>
/// <item>pᵢ + sᵢ &gt; p_min + <see cref="WarningThreshold"/>·s_min is a warning, and pᵢ + sᵢ &gt;
/// p_min + <see cref="DriftThreshold"/>·s_min a drift, which clears the warning.</item>
/// </list>
/// After a drift the next update forgets everything before it reads its outcome, as river's <c>_reset</c> does.
/// Like river's, a run that starts without a single error has s_min = 0, so its first error is a drift.
/// </summary>
public sealed class DriftDetectionMethod : IDriftDetector
{
    private double count;
    private double errorRate;
    private double minRate;
    private double minDeviation;
    private double minSum;

    /// <summary>Creates a detector with river's settings, whose defaults are river's.</summary>
    /// <param name="warmStart">Outcomes to read (since the start or the last drift) before warnings and drifts; river's <c>warm_start</c>, at least 0.</param>
    /// <param name="warningThreshold">Standard deviations above the best rate that make a warning; river's <c>warning_threshold</c>, above 0.</param>
    /// <param name="driftThreshold">Standard deviations above the best rate that make a drift; river's <c>drift_threshold</c>, above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (the message names it as river does).</exception>
    public DriftDetectionMethod(int warmStart = 30, double warningThreshold = 2.0, double driftThreshold = 3.0)
    {
        DetectorChecks.RequireAtLeast(warmStart, 0, "DDM's warm_start", nameof(warmStart));
        DetectorChecks.RequirePositive(warningThreshold, "DDM's warning_threshold", nameof(warningThreshold));
        DetectorChecks.RequirePositive(driftThreshold, "DDM's drift_threshold", nameof(driftThreshold));
        (WarmStart, WarningThreshold, DriftThreshold) = (warmStart, warningThreshold, driftThreshold);
        StartAfresh();
    }

    /// <summary>Outcomes read before warnings and drifts (river's <c>warm_start</c>, default 30).</summary>
    public int WarmStart { get; }

    /// <summary>The warning level in standard deviations (river's <c>warning_threshold</c>, default 2).</summary>
    public double WarningThreshold { get; }

    /// <summary>The drift level in standard deviations (river's <c>drift_threshold</c>, default 3).</summary>
    public double DriftThreshold { get; }

    /// <inheritdoc/>
    public long Updates { get; private set; }

    /// <inheritdoc/>
    public bool DriftDetected { get; private set; }

    /// <summary>Whether the outcome just read put the error rate in the warning zone (never together with a drift).</summary>
    public bool WarningDetected { get; private set; }

    /// <summary>Reads whether the next prediction was wrong.</summary>
    public void Update(bool wrong) => Update(wrong ? 1.0 : 0.0);

    /// <summary>Reads the next outcome: 1 when the prediction was wrong, 0 when it was right.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither 0 nor 1.</exception>
    public void Update(double value)
    {
        if (value is not (0 or 1))
        {
            DetectorChecks.RequireFinite(value, nameof(value));
            throw new ArgumentOutOfRangeException(nameof(value),
                $"DDM reads 1 for a wrong prediction and 0 for a right one, not {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (DriftDetected)
        {
            StartAfresh();
        }

        Updates++;
        count++;
        errorRate += 1.0 / count * (value - errorRate);
        var deviation = Math.Sqrt(errorRate * (1 - errorRate) / count);
        if (count <= WarmStart)
        {
            return;
        }

        var level = errorRate + deviation;
        if (level <= minSum)
        {
            (minRate, minDeviation, minSum) = (errorRate, deviation, errorRate + deviation);
        }

        WarningDetected = level > minRate + WarningThreshold * minDeviation;
        if (level > minRate + DriftThreshold * minDeviation)
        {
            DriftDetected = true;
            WarningDetected = false;
        }
    }

    private void StartAfresh()
    {
        (DriftDetected, WarningDetected) = (false, false);
        (count, errorRate) = (0, 0);

        // river's p_min and s_min start as None: the first check after the warm start always replaces them.
        (minRate, minDeviation, minSum) = (double.NaN, double.NaN, double.PositiveInfinity);
    }
}
