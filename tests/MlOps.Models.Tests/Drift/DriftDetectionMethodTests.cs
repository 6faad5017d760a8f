using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

/// <summary>
/// Outcomes are river's: 1 a wrong prediction, 0 a right one. Expected indexes come from river's rule run in Python
/// and from the DDM docstring of river 0.26.1, whose stream <see cref="RiverStreams"/> rebuilds.
/// </summary>
public sealed class DriftDetectionMethodTests
{
    [Test]
    public void Should_Warn_Before_It_Detects_Drift_When_Errors_Become_Frequent()
    {
        // Given: one error in 10 for 500 predictions, then one in 2. In Python with river's rule:
        //   warnings at 516 ... 533 (p + s above p_min + 2 s_min), drift at 534 (above p_min + 3 s_min)
        var detector = new DriftDetectionMethod();
        var stream = Enumerable.Range(0, 500).Select(i => i % 10 == 0)
            .Concat(Enumerable.Range(0, 500).Select(i => i % 2 == 0));
        var (warnings, drifts) = (new List<long>(), new List<long>());

        // When
        foreach (var wrong in stream)
        {
            detector.Update(wrong);
            if (detector.WarningDetected)
            {
                warnings.Add(detector.Updates - 1);
            }

            if (detector.DriftDetected)
            {
                drifts.Add(detector.Updates - 1);
            }
        }

        // Then
        Assert.That(warnings, Is.EqualTo(Enumerable.Range(516, 18).Select(i => (long)i)));
        Assert.That(drifts, Is.EqualTo(new long[] { 534 }));
    }

    [Test]
    public void Should_Warn_And_Detect_Where_Rivers_Docstring_Does()
    {
        // Given: river prints "Warning detected at index 1084", "Change detected at index 1334",
        // "Warning detected at index 1492", printing a warning only once after the start or a drift
        var detector = new DriftDetectionMethod();
        var printed = new List<string>();
        var printWarning = true;

        // When
        foreach (var outcome in RiverStreams.ErrorsBecomeLikelier())
        {
            detector.Update(outcome);
            if (detector.WarningDetected && printWarning)
            {
                printed.Add($"Warning detected at index {detector.Updates - 1}");
                printWarning = false;
            }

            if (detector.DriftDetected)
            {
                printed.Add($"Change detected at index {detector.Updates - 1}");
                printWarning = true;
            }
        }

        // Then
        Assert.That(printed, Is.EqualTo(new[]
        {
            "Warning detected at index 1084", "Change detected at index 1334", "Warning detected at index 1492",
        }));
    }

    [TestCase(30, new long[0])]
    [TestCase(5, new long[] { 20 })]
    public void Should_Say_Nothing_Until_The_Warm_Start_Is_Over(int warmStart, long[] expected)
    {
        // Given: 20 right predictions, then 10 wrong ones; with warm_start 30 no check is made (n > 30 never holds),
        // with 5 the first error is a drift, as the next test explains
        var detector = new DriftDetectionMethod(warmStart: warmStart);

        // When
        var drifts = detector.Drifts([.. Enumerable.Repeat(0.0, 20), .. Enumerable.Repeat(1.0, 10)]);

        // Then
        Assert.That(drifts, Is.EqualTo(expected));
    }

    [Test]
    public void Should_Call_The_First_Error_After_A_Flawless_Run_A_Drift_And_Start_Afresh_After_It()
    {
        // Given: 40 right predictions leave p_min = s_min = 0, so one error (p + s > 0) is a drift at once, with no
        // warning first; the next update starts a new run, whose 30-outcome warm start ends before the next error
        var detector = new DriftDetectionMethod();
        double[] stream = [.. Enumerable.Repeat(0.0, 40), 1, .. Enumerable.Repeat(0.0, 40), 1];

        // When
        var drifts = detector.Drifts(stream);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 40, 81 }));
        Assert.That(detector.WarningDetected, Is.False);
    }

    [Test]
    public void Should_Refuse_An_Outcome_Other_Than_0_Or_1()
    {
        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DriftDetectionMethod().Update(0.5));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "DDM reads 1 for a wrong prediction and 0 for a right one, not 0.5. (Parameter 'value')"));
    }
}
