namespace MlOps.Build.Tests;

/// <summary>
/// Reuse across commits and clones, as a user and a CI runner meet it: the real ./build.sh builds the program
/// from a copy of these sources, and unchanged steps are reused unless the code that computes them changed.
/// The tests run one after the other on one clone (building it costs a minute or more).
/// </summary>
[Category("Slow")]
public sealed class ReuseProgramTests
{
    private static readonly string[] Steps = ["Train", "Validate", "BiasCheck", "Report"];
    private SourceClone clone = null!;
    private BuildProgram.Result first = null!;

    [OneTimeSetUp]
    public void BuildAndTrainOnce()
    {
        clone = SourceClone.OfWorkingTree();
        // The sample trained smaller so that retraining stays quick: 60 trees, no cross-validation.
        clone.Edit("pipelines/credit-scoring.yaml", "number_of_iterations: 200", "number_of_iterations: 60");
        clone.Edit("pipelines/credit-scoring.yaml", "folds: 5 ", "folds: 0 ");
        clone.Commit("Train the sample smaller");
        first = clone.Build();
    }

    [OneTimeTearDown]
    public void RemoveClone() => clone.Dispose();

    [Test]
    public void Should_Build_The_Program_Once_And_Run_The_Pipeline()
    {
        // When
        var again = clone.Build("--target=Models");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Errors, Does.Contain("Building the build program (build/Build.csproj, Release)..."));
        Assert.That(first.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v1"));
        Assert.That(again.ExitCode, Is.Zero, again.Errors);
        Assert.That(again.Errors, Does.Not.Contain("Building the build program"));
    }

    [Test]
    [DependsOnTest(nameof(Should_Build_The_Program_Once_And_Run_The_Pipeline))]
    public void Should_Reuse_Every_Step_After_A_Docs_Only_Commit()
    {
        // Given
        clone.Edit("README.md", "# MlOps", "# MlOps (a docs-only change)");
        clone.Commit("Change the docs only");

        // When
        var result = clone.Build();

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Not.Contain("Building the build program"));
        AssertReused(result);
        Assert.That(clone.Build("--target=Models").Output, Does.Not.Contain("credit-scoring_v2"));
    }

    [Test]
    [DependsOnTest(nameof(Should_Reuse_Every_Step_After_A_Docs_Only_Commit))]
    public void Should_Reuse_Every_Step_In_A_Fresh_Clone_In_Another_Folder()
    {
        // Given
        using var other = clone.CloneElsewhere();

        // When
        var result = other.Build($"--store={clone.Folder[".mlops"]}");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Building the build program"), "another folder builds its own program");
        AssertReused(result);
        Assert.That(clone.Build("--target=Models").Output, Does.Not.Contain("credit-scoring_v2"));
    }

    [Test]
    [DependsOnTest(nameof(Should_Reuse_Every_Step_In_A_Fresh_Clone_In_Another_Folder))]
    public void Should_Rebuild_The_Program_But_Reuse_Every_Step_When_Only_Monitor_Code_Changes()
    {
        // Given
        clone.Edit("src/MlOps.Tasks/Monitoring/DataDrift.cs", "namespace MlOps.Tasks.Monitoring;", "namespace MlOps.Tasks.Monitoring;\n\n// A change to Monitor only.");

        // When
        var result = clone.Build();

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Building the build program"));
        AssertReused(result);
    }

    [Test]
    [DependsOnTest(nameof(Should_Rebuild_The_Program_But_Reuse_Every_Step_When_Only_Monitor_Code_Changes))]
    public void Should_Retrain_And_Name_The_Reason_When_The_Model_Building_Code_Changes()
    {
        // Given
        clone.Edit("src/Models/Training/ModelTrainer.cs", "namespace MlOps.Models.Training;", "namespace MlOps.Models.Training;\n\n// A change to the model-building code.");

        // When
        var result = clone.Build("--target=Train");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Train: changed since the last run: code (MlOps.Models)"));
        Assert.That(result.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v2"));
    }

    private static void AssertReused(BuildProgram.Result result)
    {
        foreach (var step in Steps)
        {
            Assert.That(result.Output, Does.Match($@"\n  {step}\s+unchanged"), step);
        }

        Assert.That(result.Output, Does.Contain("reusing run"));
    }
}
