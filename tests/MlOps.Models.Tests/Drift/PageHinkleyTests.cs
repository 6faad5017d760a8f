using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

/// <summary>
/// Expected indexes come from river's rule run by hand in Python (each comment holds the few lines) and from the
/// PageHinkley docstring of river 0.26.1, whose stream <see cref="RiverStreams"/> rebuilds value for value.
/// </summary>
public sealed class PageHinkleyTests
{
    [Test]
    public void Should_Never_Detect_Drift_In_A_Constant_Stream()
    {
        // Given: x - mean is 0, so S+ only falls (its minimum is itself) and S- only rises (its maximum is itself)
        var detector = new PageHinkley();

        // When
        var drifts = detector.Drifts(Enumerable.Repeat(3.0, 5000));

        // Then
        Assert.That(drifts, Is.Empty);
    }

    [Test]
    public void Should_Detect_A_Step_From_0_To_1_At_The_Index_River_Does()
    {
        // Given: s = m = 0; lo = inf
        //   for n, x in enumerate([0.0]*100 + [1.0]*200, 1):
        //       m += (1/n)*(x - m); s = 0.9999*s + (x - m) - 0.005; lo = min(lo, s)
        //       if n >= 30 and s - lo > 50: print(n - 1); break                  -> 166
        // (S+ - min S+ is 49.980 at index 165 and 50.569 at index 166: each one adds about 100/n.)
        var detector = new PageHinkley();

        // When
        var drifts = detector.Drifts([.. Enumerable.Repeat(0.0, 100), .. Enumerable.Repeat(1.0, 200)]);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 166 }));
    }

    [TestCase(0.0, 1.0, PageHinkleyMode.Both, true)]
    [TestCase(0.0, 1.0, PageHinkleyMode.Up, true)]
    [TestCase(0.0, 1.0, PageHinkleyMode.Down, false)]
    [TestCase(1.0, 0.0, PageHinkleyMode.Both, true)]
    [TestCase(1.0, 0.0, PageHinkleyMode.Down, true)]
    [TestCase(1.0, 0.0, PageHinkleyMode.Up, false)]
    public void Should_Watch_Only_The_Directions_Its_Mode_Names(double before, double after, PageHinkleyMode mode, bool detects)
    {
        // Given: a fall mirrors the rise above, max S- - S- reaching 50.569 at index 166 as well
        var detector = new PageHinkley(mode: mode);

        // When
        var drifts = detector.Drifts([.. Enumerable.Repeat(before, 100), .. Enumerable.Repeat(after, 200)]);

        // Then
        Assert.That(drifts, Is.EqualTo(detects ? new long[] { 166 } : []));
    }

    [Test]
    public void Should_Detect_The_Drift_Of_Rivers_Docstring_At_Index_1006()
    {
        // Given: river prints "Change detected at index 1006, input value: 5"
        var stream = RiverStreams.TwoDistributions();

        // When
        var drifts = new PageHinkley().Drifts(stream);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 1006 }));
        Assert.That(stream[1006], Is.EqualTo(5.0));
    }

    [Test]
    public void Should_Wait_For_Min_Instances_And_Start_Afresh_After_A_Drift()
    {
        // Given: the jump at index 5 is past the threshold at once, but n reaches min_instances = 30 only at
        // index 29. Without the fresh start S+ - min S+ would stay above 8,000 and say drift at 30, 31, 32, ...;
        // afresh, the detector sees a constant 1000.
        var detector = new PageHinkley();

        // When
        var drifts = detector.Drifts([.. Enumerable.Repeat(0.0, 5), .. Enumerable.Repeat(1000.0, 200)]);

        // Then
        Assert.That(drifts, Is.EqualTo(new long[] { 29 }));
        Assert.That(detector.Updates, Is.EqualTo(205));
    }

    [Test]
    public void Should_Refuse_A_Forgetting_Factor_Above_1()
    {
        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PageHinkley(alpha: 1.5));

        // Then
        Assert.That(error.Message, Is.EqualTo("Page-Hinkley's alpha must be above 0 and at most 1, not 1.5. (Parameter 'alpha')"));
    }

    [Test]
    public void Should_Refuse_A_Missing_Value()
    {
        // Given
        var detector = new PageHinkley();

        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => detector.Update(double.NaN));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "A drift detector reads finite numbers, not NaN; drop missing values before updating it. (Parameter 'value')"));
        Assert.That(detector.Updates, Is.Zero);
    }
}
