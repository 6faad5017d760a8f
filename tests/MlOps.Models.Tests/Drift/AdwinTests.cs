using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

/// <summary>
/// Expected indexes come from river 0.26.1's ADWIN docstring and regression tests (tests/drift/test_adwin_regression.py),
/// whose streams <see cref="RiverStreams"/> rebuilds, and from river's rule run in Python for the rest.
/// </summary>
public sealed class AdwinTests
{
    [Test]
    public void Should_Never_Detect_Drift_In_A_Constant_Stream()
    {
        // Given: every sub-window's mean is 1, so no cut's means differ
        var detector = new Adwin();

        // When
        var drifts = detector.Drifts(Enumerable.Repeat(1.0, 5000));

        // Then
        Assert.That(drifts, Is.Empty);
        Assert.That(detector.Width, Is.EqualTo(5000));
    }

    [Test]
    public void Should_Detect_A_Step_At_The_First_Test_After_It()
    {
        // Given: 0, 1, 0, 1, ... for 1000 values, then 4, 5, 6, 7, ... for 1000. ADWIN tests every 32nd value
        // (clock 32), so the first test after the step is on the 1024th value, index 1023, and a mean that moved
        // from 0.5 to 5.5 over 24 values is far past epsilon by then.
        var detector = new Adwin();
        double[] stream = [.. Enumerable.Range(0, 1000).Select(i => i % 2.0), .. Enumerable.Range(0, 1000).Select(i => 4.0 + i % 4)];

        // When
        var drifts = detector.Drifts(stream);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 1023 }));
    }

    [Test]
    public void Should_Detect_The_Drift_Of_Rivers_Docstring_At_Index_1023()
    {
        // Given: river prints "Change detected at index 1023, input value: 4"
        var stream = RiverStreams.TwoDistributions();

        // When
        var drifts = new Adwin().Drifts(stream);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 1023 }));
        Assert.That(stream[1023], Is.EqualTo(4.0));
    }

    [Test]
    public void Should_Detect_The_Drifts_Of_Rivers_Regression_Test()
    {
        // Given: test_multiple_drifts asserts detected == [1023, 2015, 3007]
        var stream = RiverStreams.FourSegments();

        // When
        var drifts = new Adwin().Drifts(stream);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 1023, 2015, 3007 }));
    }

    [Test]
    public void Should_Not_Detect_Drift_In_A_Stationary_Random_Stream()
    {
        // Given: r = random.Random(7); [r.random() for _ in range(10000)], no drift under river's rule
        var random = new PythonRandom(7);
        var stream = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble());

        // When
        var drifts = new Adwin().Drifts(stream);

        // Then
        Assert.That(drifts, Is.Empty);
    }

    [Test]
    public void Should_Keep_The_Windows_Width_Total_Variance_And_Mean()
    {
        // Given: river's test_total_and_estimation and the Rust port's estimation_after_short_sequence
        var detector = new Adwin();

        // When
        foreach (var value in new[] { 1.0, 2, 3, 4, 5 })
        {
            detector.Update(value);
        }

        // Then: the variance is the sum of squared deviations from 3
        Assert.That((detector.Width, detector.Total, detector.Variance, detector.Estimation), Is.EqualTo((5L, 15.0, 10.0, 3.0)));
    }

    [Test]
    public void Should_Start_A_New_Window_On_The_Update_After_A_Drift()
    {
        // Given: river's test_reset_on_drift_detected with clock 1: 500 zeros, then 100s until a drift, which
        // river's rule finds on the first 100, after dropping buckets down to a width of 309
        var detector = new Adwin(clock: 1);
        var drifts = detector.Drifts([.. Enumerable.Repeat(0.0, 500), 100]);

        // When
        detector.Update(50);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 500 }));
        Assert.That((detector.DriftDetected, detector.Width, detector.Total), Is.EqualTo((false, 1L, 50.0)));
    }

    [Test]
    public void Should_Not_Test_Within_The_Grace_Period()
    {
        // Given: river's test_grace_period: no test while the window holds at most 100 values
        var detector = new Adwin(clock: 1, gracePeriod: 100);

        // When
        var drifts = detector.Drifts([.. Enumerable.Repeat(0.0, 50), .. Enumerable.Repeat(1000.0, 50)]);

        // Then
        Assert.That(drifts, Is.Empty);
    }

    [Test]
    public void Should_Refuse_A_Significance_Outside_0_To_1()
    {
        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Adwin(delta: 1));

        // Then
        Assert.That(error.Message, Is.EqualTo("ADWIN's delta must be above 0 and below 1, not 1. (Parameter 'delta')"));
    }
}
