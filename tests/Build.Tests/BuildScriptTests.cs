using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// build.sh and build.ps1 (under PowerShell) behave alike: each builds the program once in Release, rebuilds it only when a
/// source changed (one build at a time), keeps the previous one when a source does not build, and runs it with the
/// arguments unchanged and its exit code. The tests run one after the other on one clone per script (a build costs a minute
/// or more), each after the one before it whatever its outcome; build.ps1's are ignored without pwsh unless MLOPS_REQUIRE_PWSH=1.
/// </summary>
[Category("Slow")]
[TestFixture("build.sh")]
[TestFixture("build.ps1")]
public sealed class BuildScriptTests(string script)
{
    private const string Building = "Building the build program (build/Build.csproj, Release)...";
    private SourceClone clone = null!;
    private BuildProgram.Result first = null!;

    private string Other => script == "build.sh" ? "build.ps1" : "build.sh";

    [OneTimeSetUp]
    public void BuildOnce()
    {
        if (script == "build.ps1")
        {
            Pwsh.Require();  // ignores (or fails) the fixture before it copies the sources
        }

        clone = SourceClone.OfWorkingTree();
        first = clone.RunScript(script, "--description");
    }

    [OneTimeTearDown]
    public void RemoveClone() => clone?.Dispose();

    [Test]
    public void Should_Build_The_Program_Once_And_Run_It()
    {
        // When
        var again = clone.RunScript(script, "--description");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Errors.TrimEnd(), Is.EqualTo(Building), "the building line on stderr, nothing else");
        Assert.That(first.Output, Does.StartWith("Tasks:\n"));
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Errors, Is.Empty);
        Assert.That(again.Output, Is.EqualTo(first.Output));
    }

    [TestCase(0, "", "--description")]
    [TestCase(2, "Error: Task 'a \"b\"  c' does not exist.", "--target=a \"b\"  c")]
    [TestCase(2, "Error: Task 'it's two words' does not exist.", "--target", "it's two words")]
    [TestCase(2, "Error: Task '' does not exist.", "--target", "")]
    [TestCase(3, "Error: 'credit-scoring' has no 'staging' version", "--target=BuildImage", "--exclusive")]
    [DependsOnTest(nameof(Should_Build_The_Program_Once_And_Run_It))]
    public void Should_Pass_The_Arguments_Unchanged_And_The_Exit_Code_Back(int exitCode, string error, params string[] args)
    {
        // When
        var result = clone.RunScript(script, args);

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.Output + result.Errors);
        Assert.That(result.Errors, Does.StartWith(error));
        Assert.That(result.Errors, Does.Not.Contain("Building the build program"));
    }

    [Test]
    [DependsOnTest(nameof(Should_Pass_The_Arguments_Unchanged_And_The_Exit_Code_Back), AllowFailure = true)]
    public void Should_Run_From_Another_Folder_And_Leave_The_Caller_There()
    {
        // Given
        using var elsewhere = new TempDirectory();
        var start = script == "build.sh"
            ? ChildProcess.Start(elsewhere.Path, "bash", "-c", "\"$0\" --description && pwd", clone.Folder[script])
            : ChildProcess.Start(elsewhere.Path, Pwsh.Require(), "-NoProfile", "-NonInteractive", "-Command",
                $"& '{clone.Folder[script]}' --description; if ($LASTEXITCODE -eq 0) {{ (Get-Location).Path }}");

        // When
        var result = ChildProcess.Run(start);

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.StartWith("Tasks:\n"));
        Assert.That(result.Output.TrimEnd().Split('\n')[^1], Is.EqualTo(elsewhere.Path), "the caller's current folder");
    }

    [Test]
    [DependsOnTest(nameof(Should_Run_From_Another_Folder_And_Leave_The_Caller_There), AllowFailure = true)]
    public void Should_Not_Rebuild_When_The_Other_Script_Runs_The_Same_Sources()
    {
        // When
        var result = clone.RunScript(Other, "--description");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Not.Contain("Building the build program"), $"{Other} reads {script}'s stamp as current");
        Assert.That(result.Output, Is.EqualTo(first.Output));
    }

    [Test]
    [DependsOnTest(nameof(Should_Not_Rebuild_When_The_Other_Script_Runs_The_Same_Sources), AllowFailure = true)]
    public void Should_Rebuild_Once_When_Two_Runs_Start_After_A_Source_Changed()
    {
        // Given
        clone.Edit("src/MlOps.Build/Tasks/ModelsTask.cs", "namespace MlOps.Build.Tasks;", "namespace MlOps.Build.Tasks;\n\n// A change to the build program.");

        // When
        BuildProgram.Result?[] results;
        using (var one = new RunningBuild(Process.Start(clone.StartScript(script, clone.Folder.Path, "--description"))!))
        using (var two = new RunningBuild(Process.Start(clone.StartScript(script, clone.Folder.Path, "--description"))!))
        {
            results = [one.Wait(TestTimeLimits.Run), two.Wait(TestTimeLimits.Run)];
        }

        // Then
        Assert.That(results, Has.None.Null, "both runs ended");
        Assert.That(results.Select(r => r!.ExitCode), Is.All.Zero, string.Join('\n', results.Select(r => r!.Errors)));
        Assert.That(results.Select(r => r!.Output), Is.All.EqualTo(first.Output));
        Assert.That(results.Count(r => r!.Errors.Contains(Building, StringComparison.Ordinal)), Is.EqualTo(1), "one run builds, the other waits for it");
    }

    [Test]
    [DependsOnTest(nameof(Should_Rebuild_Once_When_Two_Runs_Start_After_A_Source_Changed), AllowFailure = true)]
    public void Should_Say_In_One_Line_That_The_Program_Does_Not_Build_And_Leave_It_As_It_Was()
    {
        // Given
        var program = clone.Folder["build/bin/Release/net10.0/Build.dll"];
        var before = File.ReadAllBytes(program);
        clone.Edit("src/MlOps.Build/Tasks/ModelsTask.cs", "namespace MlOps.Build.Tasks;", "namespace MlOps.Build.Tasks;\n\nnot C#");

        // When
        var result = clone.RunScript(script, "--description");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Errors.TrimEnd().Split('\n'), Has.Length.EqualTo(2), "the building line and one error line");
        Assert.That(result.Errors, Does.Match(@"^Building the build program \(build/Build\.csproj, Release\)\.\.\.\n"
            + @"Error: the build program did not build; the previous one is left as it was\. "
            + @"\S*src/MlOps\.Build/Tasks/ModelsTask\.cs\(\d+,\d+\): error CS\d+: .* \(all output: build/bin/build\.log\)\n$"));
        Assert.That(File.ReadAllBytes(program), Is.EqualTo(before));
    }
}
