namespace MlOps.Models.Drift;

/// <summary>
/// The Page-Hinkley test for a change in the mean of a stream, with river's update rule
/// (<c>river.drift.PageHinkley</c> of river 0.26.1, the version followed here, unchanged since 0.22):
/// <list type="number">
/// <item>the running mean x̄ₙ takes the value in (<c>x̄ += (1 / n) · (x − x̄)</c>, as river's <c>stats.Mean</c>);</item>
/// <item>two cumulative sums fade by α and gather the deviation: Sₙ⁺ = α·Sₙ₋₁⁺ + (x − x̄ₙ) − δ and
/// Sₙ⁻ = α·Sₙ₋₁⁻ + (x − x̄ₙ) + δ, both starting at 0;</item>
/// <item>the smallest Sₙ⁺ and the largest Sₙ⁻ so far are kept (from +∞ and, as river starts it, −1);</item>
/// <item>once n ≥ <see cref="MinInstances"/>, a rise Sₙ⁺ − min S⁺ or a fall max S⁻ − Sₙ⁻ above
/// <see cref="Threshold"/> (strictly) is a drift, in the directions <see cref="Mode"/> watches.</item>
/// </list>
/// After a drift the next update forgets everything (mean, sums, extremes, n) before it reads its value, as
/// river's <c>_reset</c> does.
/// </summary>
public sealed class PageHinkley : IDriftDetector
{
    private double count;
    private double mean;
    private double sumIncrease;
    private double sumDecrease;
    private double minIncrease;
    private double maxDecrease;

    /// <summary>Creates a detector with river's settings, whose defaults are river's.</summary>
    /// <param name="minInstances">Values to read (since the start or the last drift) before a drift can be called; river's <c>min_instances</c>, at least 1.</param>
    /// <param name="delta">The magnitude of change tolerated per value; river's <c>delta</c>, at least 0.</param>
    /// <param name="threshold">How far a cumulative sum must move from its extreme to call a drift (λ); river's <c>threshold</c>, above 0.</param>
    /// <param name="alpha">How much of each cumulative sum each value keeps; river's <c>alpha</c>, in (0, 1].</param>
    /// <param name="mode">Which way the mean must move; river's <c>mode</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (the message names it as river does).</exception>
    public PageHinkley(int minInstances = 30, double delta = 0.005, double threshold = 50, double alpha = 1 - 0.0001, PageHinkleyMode mode = PageHinkleyMode.Both)
    {
        DetectorChecks.RequireAtLeast(minInstances, 1, "Page-Hinkley's min_instances", nameof(minInstances));
        DetectorChecks.RequireNonNegative(delta, "Page-Hinkley's delta", nameof(delta));
        DetectorChecks.RequirePositive(threshold, "Page-Hinkley's threshold", nameof(threshold));
        DetectorChecks.RequireFraction(alpha, oneAllowed: true, "Page-Hinkley's alpha", nameof(alpha));
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), $"Page-Hinkley's mode must be Both, Up or Down, not {mode}.");
        }

        (MinInstances, Delta, Threshold, Alpha, Mode) = (minInstances, delta, threshold, alpha, mode);
        StartAfresh();
    }

    /// <summary>Values read before a drift can be called (river's <c>min_instances</c>, default 30).</summary>
    public int MinInstances { get; }

    /// <summary>The magnitude of change tolerated per value (river's <c>delta</c>, default 0.005).</summary>
    public double Delta { get; }

    /// <summary>The detection threshold λ (river's <c>threshold</c>, default 50).</summary>
    public double Threshold { get; }

    /// <summary>The forgetting factor of the cumulative sums (river's <c>alpha</c>, default 1 − 0.0001).</summary>
    public double Alpha { get; }

    /// <summary>Which way the mean must move (river's <c>mode</c>, default both).</summary>
    public PageHinkleyMode Mode { get; }

    /// <inheritdoc/>
    public long Updates { get; private set; }

    /// <inheritdoc/>
    public bool DriftDetected { get; private set; }

    /// <inheritdoc/>
    public void Update(double value)
    {
        DetectorChecks.RequireFinite(value, nameof(value));
        if (DriftDetected)
        {
            StartAfresh();
        }

        Updates++;
        count++;
        mean += 1.0 / count * (value - mean);
        var deviation = value - mean;
        sumIncrease = Alpha * sumIncrease + deviation - Delta;
        sumDecrease = Alpha * sumDecrease + deviation + Delta;
        if (sumIncrease < minIncrease)
        {
            minIncrease = sumIncrease;
        }

        if (sumDecrease > maxDecrease)
        {
            maxDecrease = sumDecrease;
        }

        if (count >= MinInstances)
        {
            var rise = sumIncrease - minIncrease > Threshold;
            var fall = maxDecrease - sumDecrease > Threshold;
            DriftDetected = Mode switch
            {
                PageHinkleyMode.Up => rise,
                PageHinkleyMode.Down => fall,
                _ => rise || fall,
            };
        }
    }

    private void StartAfresh()
    {
        DriftDetected = false;
        (count, mean, sumIncrease, sumDecrease) = (0, 0, 0, 0);
        minIncrease = double.PositiveInfinity;

        // river starts the largest decrease at -1, not -inf; the first sum is delta >= 0, so it never shows.
        maxDecrease = -1;
    }
}
