namespace MlOps.Models.Drift;

/// <summary>
/// A concept-drift detector: it reads a stream one value at a time and says after each value whether the
/// stream has drifted, as river's <c>river.drift</c> detectors do (<c>update(x)</c>, then <c>drift_detected</c>).
/// </summary>
public interface IDriftDetector
{
    /// <summary>
    /// Values read so far, those before a drift included: after an update, <c>Updates - 1</c> is the index of the
    /// value just read, the <c>i</c> of river's <c>for i, x in enumerate(stream)</c>.
    /// </summary>
    long Updates { get; }

    /// <summary>
    /// Whether the value just read revealed a drift. As in river, the flag holds until the next update, which
    /// starts the detector afresh before it reads its value.
    /// </summary>
    bool DriftDetected { get; }

    /// <summary>Reads the next value of the stream.</summary>
    /// <param name="value">The value: a loss, an error, a score or a feature, as the detector expects.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite, or not one the detector reads.</exception>
    void Update(double value);
}
