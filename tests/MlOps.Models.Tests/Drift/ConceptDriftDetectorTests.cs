using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class ConceptDriftDetectorTests
{
    [Test]
    public void Should_Make_Each_Detector_By_Rivers_Name_With_Rivers_Defaults()
    {
        // When
        var pageHinkley = (PageHinkley)ConceptDriftDetector.Create("page_hinkley");
        var ddm = (DriftDetectionMethod)ConceptDriftDetector.Create("ddm");
        var adwin = (Adwin)ConceptDriftDetector.Create("adwin");

        // Then
        Assert.That(
            (pageHinkley.MinInstances, pageHinkley.Delta, pageHinkley.Threshold, pageHinkley.Alpha, pageHinkley.Mode),
            Is.EqualTo((30, 0.005, 50.0, 0.9999, PageHinkleyMode.Both)));
        Assert.That((ddm.WarmStart, ddm.WarningThreshold, ddm.DriftThreshold), Is.EqualTo((30, 2.0, 3.0)));
        Assert.That(
            (adwin.Delta, adwin.Clock, adwin.MaxBuckets, adwin.MinWindowLength, adwin.GracePeriod),
            Is.EqualTo((0.002, 32, 5, 5, 10)));
    }

    [Test]
    public void Should_Apply_Settings_By_Rivers_Parameter_Names()
    {
        // Given: on the docstring stream, river's rule gives [1002] for ADWIN(clock=1) and
        // [790, 1001, 1447, 1576] for PageHinkley(threshold=20, mode="up")
        var stream = RiverStreams.TwoDistributions();
        var adwin = ConceptDriftDetector.Create("adwin", new Dictionary<string, double> { ["clock"] = 1 });
        var pageHinkley = ConceptDriftDetector.Create("page_hinkley", new Dictionary<string, double> { ["threshold"] = 20 }, "up");

        // When
        var adwinDrifts = adwin.Drifts(stream);
        var pageHinkleyDrifts = pageHinkley.Drifts(stream);

        // Then
        Assert.That(adwinDrifts, Is.EqualTo(new long[] { 1002 }));
        Assert.That(pageHinkleyDrifts, Is.EqualTo(new long[] { 790, 1001, 1447, 1576 }));
    }

    [TestCase("kswin", null, 0.0,
        "Unknown drift detector 'kswin'; detectors: page_hinkley, ddm, adwin. (Parameter 'name')")]
    [TestCase("ddm", "delta", 0.1,
        "Drift detector 'ddm' has no setting 'delta'; its settings: warm_start, warning_threshold, drift_threshold. (Parameter 'settings')")]
    [TestCase("page_hinkley", "min_instances", 2.5,
        "Setting 'min_instances' must be a whole number, not 2.5. (Parameter 'settings')")]
    public void Should_Refuse_An_Unknown_Name_Or_Setting(string name, string? setting, double value, string message)
    {
        // Given
        var settings = setting is null ? null : new Dictionary<string, double> { [setting] = value };

        // When
        var error = Assert.Throws<ArgumentException>(() => ConceptDriftDetector.Create(name, settings));

        // Then
        Assert.That(error.Message, Is.EqualTo(message));
    }

    [TestCase("adwin", "clock", 0, "ADWIN's clock must be at least 1, not 0. (Parameter 'clock')")]
    [TestCase("ddm", "drift_threshold", -3, "DDM's drift_threshold must be a finite number above 0, not -3. (Parameter 'driftThreshold')")]
    [TestCase("page_hinkley", "delta", double.NaN, "Page-Hinkley's delta must be a finite number of at least 0, not NaN. (Parameter 'delta')")]
    public void Should_Refuse_A_Value_Out_Of_Its_Range(string name, string setting, double value, string message)
    {
        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ConceptDriftDetector.Create(name, new Dictionary<string, double> { [setting] = value }));

        // Then
        Assert.That(error.Message, Is.EqualTo(message));
    }

    [TestCase("page_hinkley", "sideways", "Page-Hinkley's mode must be 'up', 'down' or 'both', not 'sideways'. (Parameter 'mode')")]
    [TestCase("adwin", "up", "Only page_hinkley takes a mode; 'adwin' has none. (Parameter 'mode')")]
    public void Should_Refuse_A_Mode_Page_Hinkley_Does_Not_Know_Or_Any_Mode_For_Another_Detector(string name, string mode, string message)
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => ConceptDriftDetector.Create(name, mode: mode));

        // Then
        Assert.That(error.Message, Is.EqualTo(message));
    }
}
