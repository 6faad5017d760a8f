using System.Diagnostics;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// Train --force on the quick sample, SIGKILLed at random moments of its measured duration, one kill after
/// another in one repository; after each kill the store is sound and every registered version has its bundle,
/// and the run after the last kill ends what the killed runs left behind.
/// </summary>
[Category("Slow")]
[Category("KillTrials")]
public sealed class TrainKillTrials
{
    private const int Trials = 13;
    private const string Store = "Store";
    private const string Stuck = "Runs";
    private const string Temporary = "Temporary files";
    private readonly KillFindings findings = new();
    private BuildProgram build = null!;
    private BuildProgram.Result next = null!;

    [OneTimeSetUp]
    public void KillTrainAgainAndAgain()
    {
        build = BuildProgram.QuickSample();
        var first = build.Run("--target=Train");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var clock = Stopwatch.StartNew();
        var measured = build.Run("--target=Train", "--force");
        Assert.That(measured.ExitCode, Is.Zero, measured.Output + measured.Errors);

        var started = new Dictionary<string, KilledRun>(StringComparer.Ordinal);
        foreach (var moment in KillPlan.Draw("Train", Trials, clock.Elapsed).Moments)
        {
            var before = StoreChecks.RunsLeftRunning(build.Repository[".mlops"], "credit-scoring").ToHashSet(StringComparer.Ordinal);
            var run = Sigkill.Build(build, moment, () => { }, "--target=Train", "--force");
            findings.Count(run);
            findings.Add(Store, run, StoreChecks.Problems(build.Repository[".mlops"]));
            foreach (var id in StoreChecks.RunsLeftRunning(build.Repository[".mlops"], "credit-scoring").Where(id => !before.Contains(id)))
            {
                started[id] = run;
            }
        }

        // The next run, not killed: it must end the runs the kills left Running and remove their temporary files.
        next = build.Run("--target=Train", "--force");
        findings.Add(Store, "the run after the last kill", StoreChecks.Problems(build.Repository[".mlops"]));
        foreach (var id in StoreChecks.RunsLeftRunning(build.Repository[".mlops"], "credit-scoring"))
        {
            findings.Add(Stuck, started.TryGetValue(id, out var killed) ? killed : "before the trials", [$"run {id} is still Running after the next run ended"]);
        }

        findings.Add(Temporary, "the run after the last kill", StoreChecks.TemporaryFiles(build.Repository.Path, ".mlops/artifacts", ".dvc/cache"));
        TestContext.Progress.WriteLine($"Train: {findings.Kills} of {findings.Trials} trials killed the run while it ran");
    }

    [OneTimeTearDown]
    public void RemoveRepository() => build?.Dispose();

    [Test]
    public void Should_Leave_A_Sound_Store_And_Every_Registered_Version_With_Its_Bundle_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Store), Is.Empty);
        Assert.That(findings.Kills, Is.GreaterThanOrEqualTo(Trials - 3), "nearly every moment falls while Train runs");
    }

    [Test]
    public void Should_Train_Again_After_The_Kills()
    {
        // Given, When: the kills of the fixture's setup, then a run left alone
        // Then
        Assert.That(next.ExitCode, Is.Zero, next.Output + next.Errors);
        Assert.That(next.Output, Does.Match(@"Train\s+ran"));
    }

    [Test]
    public void Should_Mark_The_Killed_Runs_Killed_On_The_Next_Run()
    {
        // Given, When: the kills of the fixture's setup, then a run left alone
        // Then
        Assert.That(findings.Of(Stuck), Is.Empty);
    }

    [Test]
    public void Should_Remove_The_Temporary_Files_Of_Killed_Runs_On_The_Next_Run()
    {
        // Given, When: the kills of the fixture's setup, then a run left alone
        // Then
        Assert.That(findings.Of(Temporary), Is.Empty);
    }
}
