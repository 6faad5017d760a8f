namespace MlOps.Models.Drift;

/// <summary>
/// ADWIN, adaptive windowing (Bifet and Gavaldà, 2007), as river's <c>river.drift.ADWIN</c> runs it; river 0.26.1
/// is followed, whose rule has been the same since 0.22 (when river began to try every cut, as MOA does):
/// <list type="bullet">
/// <item>the values enter an exponential histogram whose rows hold at most <see cref="MaxBuckets"/> buckets of
/// 2^row values each (a row that overflows merges its two oldest into the next row), with the window's width,
/// total and variance kept as each value comes and goes;</item>
/// <item>every <see cref="Clock"/>-th value, once the window holds more than <see cref="GracePeriod"/> values,
/// each bucket boundary splits it into an older W₀ and a newer W₁ (n₀, n₁ ≥ <see cref="MinWindowLength"/>);
/// when |μ₀ − μ₁| &gt; ε = √(2m·σ²·δ′) + ⅔·δ′·m, with δ′ = ln(2·ln(width) / δ),
/// m = 1 / (n₀ − min + 1) + 1 / (n₁ − min + 1) and σ² the window's variance per value, the oldest bucket is
/// dropped and the scan starts over; any such cut is a drift.</item>
/// </list>
/// After a drift the next update starts a new, empty window before it reads its value, as river's <c>_reset</c> does.
/// </summary>
public sealed class Adwin : IDriftDetector
{
    private AdaptiveWindow window;

    /// <summary>Creates a detector with river's settings, whose defaults are river's.</summary>
    /// <param name="delta">The significance δ of the cut test; river's <c>delta</c>, in (0, 1).</param>
    /// <param name="clock">Tests for a cut every this many values; river's <c>clock</c>, at least 1.</param>
    /// <param name="maxBuckets">Buckets of each size kept before two are merged; river's <c>max_buckets</c>, at least 1.</param>
    /// <param name="minWindowLength">The fewest values either sub-window may hold; river's <c>min_window_length</c>, at least 1.</param>
    /// <param name="gracePeriod">Values the window must exceed before any test; river's <c>grace_period</c>, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (the message names it as river does).</exception>
    public Adwin(double delta = 0.002, int clock = 32, int maxBuckets = 5, int minWindowLength = 5, int gracePeriod = 10)
    {
        DetectorChecks.RequireFraction(delta, oneAllowed: false, "ADWIN's delta", nameof(delta));
        DetectorChecks.RequireAtLeast(clock, 1, "ADWIN's clock", nameof(clock));
        DetectorChecks.RequireAtLeast(maxBuckets, 1, "ADWIN's max_buckets", nameof(maxBuckets));
        DetectorChecks.RequireAtLeast(minWindowLength, 1, "ADWIN's min_window_length", nameof(minWindowLength));
        DetectorChecks.RequireAtLeast(gracePeriod, 0, "ADWIN's grace_period", nameof(gracePeriod));
        (Delta, Clock, MaxBuckets, MinWindowLength, GracePeriod) = (delta, clock, maxBuckets, minWindowLength, gracePeriod);
        window = NewWindow();
    }

    /// <summary>The significance of the cut test (river's <c>delta</c>, default 0.002).</summary>
    public double Delta { get; }

    /// <summary>How often the window is tested (river's <c>clock</c>, default 32).</summary>
    public int Clock { get; }

    /// <summary>Buckets of each size before a merge (river's <c>max_buckets</c>, default 5).</summary>
    public int MaxBuckets { get; }

    /// <summary>The smallest sub-window a cut may leave (river's <c>min_window_length</c>, default 5).</summary>
    public int MinWindowLength { get; }

    /// <summary>Values before the first test (river's <c>grace_period</c>, default 10).</summary>
    public int GracePeriod { get; }

    /// <inheritdoc/>
    public long Updates { get; private set; }

    /// <inheritdoc/>
    public bool DriftDetected { get; private set; }

    /// <summary>Values in the current window (river's <c>width</c>).</summary>
    public long Width => (long)window.Width;

    /// <summary>The sum of the values in the window (river's <c>total</c>).</summary>
    public double Total => window.Total;

    /// <summary>The sum of squared deviations from the window's mean (river's <c>variance</c>).</summary>
    public double Variance => window.Variance;

    /// <summary>The window's mean, 0 while it is empty (river's <c>estimation</c>).</summary>
    public double Estimation => window.Width == 0 ? 0 : window.Total / window.Width;

    /// <inheritdoc/>
    public void Update(double value)
    {
        DetectorChecks.RequireFinite(value, nameof(value));
        if (DriftDetected)
        {
            window = NewWindow();
        }

        Updates++;
        DriftDetected = window.Add(value);
    }

    private AdaptiveWindow NewWindow() => new(Delta, Clock, MaxBuckets, MinWindowLength, GracePeriod);
}
