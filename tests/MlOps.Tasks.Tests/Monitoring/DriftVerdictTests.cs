using MlOps.Tasks.Monitoring;
using MlOps.Testing;
using static MlOps.Tasks.Tests.Monitoring.MonitorReports;

namespace MlOps.Tasks.Tests.Monitoring;

/// <summary>drift.json's verdict read back through <see cref="DriftJson.ReadVerdictIfExists"/>.</summary>
public sealed class DriftVerdictTests
{
    [Test]
    public void Should_Read_Back_The_Verdict_Monitor_Wrote()
    {
        // Given: one of two columns drifted, with feedback
        using var temp = new TempDirectory();
        var report = Report(DataOf(Column("income", drift: true, score: 0.01, psi: 0.3), Column("region")), Concept());
        DriftJson.Write(temp["drift.json"], report);

        // When
        var verdict = DriftJson.ReadVerdictIfExists(temp["drift.json"]);

        // Then
        Assert.That(verdict, Is.Not.Null);
        Assert.That((verdict!.Model, verdict.Version, verdict.Environment, verdict.Breached), Is.EqualTo(("credit-scoring", (int?)3, "local", report.Breached)));
        Assert.That(verdict.Breaches, Is.EqualTo(report.Breaches));
        Assert.That(verdict.DataDrift, Is.EqualTo(new DataDriftVerdict(
            report.Data.DatasetDrift, report.Data.Tested, report.Data.Drifted, report.Data.Share, report.Data.DriftShare)));
        Assert.That(verdict.ConceptDrift, Is.EqualTo(new ConceptDriftVerdict(report.Concept!.Detector, report.Concept.Matched, report.Concept.Detections.Count > 0)));
    }

    [Test]
    public void Should_Leave_Concept_Drift_Out_Without_Feedback()
    {
        // Given
        using var temp = new TempDirectory();
        DriftJson.Write(temp["drift.json"], Report(DataOf(Column("income"))));

        // When, Then
        Assert.That(DriftJson.ReadVerdictIfExists(temp["drift.json"])!.ConceptDrift, Is.Null);
    }

    [Test]
    public void Should_Return_Null_When_There_Is_No_File()
    {
        // Given
        using var temp = new TempDirectory();

        // When, Then
        Assert.That(DriftJson.ReadVerdictIfExists(temp["monitoring/drift.json"]), Is.Null);
    }

    [Test]
    public void Should_Refuse_A_File_That_Is_Not_Drift_Json()
    {
        // Given
        using var temp = new TempDirectory();
        File.WriteAllText(temp["drift.json"], "[]");

        // When
        var error = Assert.Throws<InvalidFileException>(() => DriftJson.ReadVerdictIfExists(temp["drift.json"], "artifacts/p/monitoring/drift.json"));

        // Then
        Assert.That(error!.Message, Does.StartWith("artifacts/p/monitoring/drift.json:1:")
            .And.Contain(": it is not the drift.json Monitor writes (").And.EndWith("); run ./build.sh --target=Monitor again."));
    }
}
