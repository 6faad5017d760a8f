using MlOps.Tasks.Expectations;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Training;
using MlOps.Tasks.Validation;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Fingerprints;

public sealed class CodeVersionTests
{
    // Folders whose code records, signs, hashes or describes a result but cannot change it: a change there reuses it.
    private static readonly string[] NotResultChanging = ["Pipeline", "Tracking", "Artifacts", "Fingerprints", "Provenance", "Signing", "Data", "DataChecks"];

    private static IEnumerable<TestCaseData> Steps()
    {
        yield return new TestCaseData((object)ValidationFingerprint.CodeFolders).SetArgDisplayNames("ValidateData");
        yield return new TestCaseData((object)TrainingFingerprint.CodeFolders).SetArgDisplayNames("Train");
        yield return new TestCaseData((object)ModelValidation.CodeFolders).SetArgDisplayNames("Validate");
        yield return new TestCaseData((object)FairnessCheck.CodeFolders).SetArgDisplayNames("BiasCheck");
        yield return new TestCaseData((object)ModelReport.CodeFolders).SetArgDisplayNames("Report");
    }

    [TestCaseSource(nameof(Steps))]
    public void Should_Cover_Every_Folder_Whose_Code_The_Step_Reaches(string[] folders)
    {
        // Given
        var assembly = typeof(CodeVersion).Assembly;
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(folders);

        // When
        while (pending.TryDequeue(out var folder))
        {
            if (!reached.Add(folder))
            {
                continue;
            }

            foreach (var ns in assembly.GetTypes().Select(t => t.Namespace)
                .Where(n => n == $"MlOps.Tasks.{folder}" || n?.StartsWith($"MlOps.Tasks.{folder}.", StringComparison.Ordinal) == true).Distinct())
            {
                foreach (var next in TypeReferences.OfNamespace(assembly, ns!).Where(n => n.StartsWith("MlOps.Tasks.", StringComparison.Ordinal)).Select(n => n.Split('.')[2]))
                {
                    if (!NotResultChanging.Contains(next))
                    {
                        pending.Enqueue(next);
                    }
                }
            }
        }

        // Then
        Assert.That(reached, Is.EquivalentTo(folders), "the step's CodeFolders must name every folder its code reaches");
    }

    [Test]
    public void Should_Hash_Only_The_Named_Folders_Sources()
    {
        // Given
        var assembly = typeof(CodeVersion).Assembly;

        // When
        var training = CodeVersion.Sources(assembly, "Training");
        var tables = CodeVersion.Sources(assembly, "CsvFiles");
        var both = CodeVersion.Sources(assembly, "Training", "CsvFiles");
        var whole = CodeVersion.Sources(assembly);

        // Then
        Assert.That(training, Does.Match("^[0-9a-f]{64}$"), "read from the pdb's source checksums, not the module id");
        Assert.That(new[] { training, tables, both, whole }, Is.Unique);
        Assert.That(CodeVersion.Sources(assembly, "Training"), Is.EqualTo(training));
    }

    [Test]
    public void Should_Name_The_Code_Parts_By_Assembly_And_Folders()
    {
        // When
        var fingerprint = new Fingerprint()
            .AddCode(typeof(CodeVersion).Assembly, "Training", "CsvFiles")
            .AddCode(typeof(Models.Training.ModelTrainer).Assembly)
            .AddPackage("ML.NET", typeof(Microsoft.ML.MLContext).Assembly);

        // Then
        Assert.That(fingerprint.Parts.Keys, Is.EqualTo(new[] { "code (ML.NET)", "code (MlOps.Models)", "code (MlOps.Tasks: Training, CsvFiles)" }));
        Assert.That(fingerprint.Parts["code (ML.NET)"], Does.Match("^Microsoft.ML.Data/[0-9.]+.*/[0-9a-f]{32}$"));
    }
}
