using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// TrackData of a changed 15 MB folder, SIGKILLed at random moments of its measured duration, one kill after
/// another in one repository; after each kill the pointer names content the cache holds and every cache object
/// is what its name says, and the run after the last kill pins the data and leaves no temporary file in the cache.
/// </summary>
[Category("Slow")]
[Category("KillTrials")]
public sealed class TrackDataKillTrials
{
    private const int Trials = 15;
    private const string Pointer = "records.dvc";
    private const string Data = "Pointer and cache";
    private const string Temporary = "Temporary files";
    private readonly KillFindings findings = new();
    private BuildProgram build = null!;
    private BuildProgram.Result next = null!;
    private BuildProgram.Result again = null!;

    [OneTimeSetUp]
    public void KillTrackDataAgainAndAgain()
    {
        build = new BuildProgram();
        build.Repository.Write("records/base.csv", Rows(0, 200_000));
        build.Repository.Write("records/batch.csv", Rows(1, 400_000));
        var first = build.Run("--target=TrackData", "--path=records");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        build.Repository.Write("records/batch.csv", Rows(2, 400_000));
        var clock = Stopwatch.StartNew();
        var measured = build.Run("--target=TrackData", "--path=records");
        Assert.That(measured.ExitCode, Is.Zero, measured.Output + measured.Errors);

        var checkedObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var moment in KillPlan.Draw("TrackData", Trials, clock.Elapsed).Moments)
        {
            var attempt = 0;
            var run = Sigkill.Build(build, moment, () => build.Repository.Write("records/batch.csv", Rows((moment.Trial * 10) + ++attempt, 400_000)),
                "--target=TrackData", "--path=records");
            findings.Count(run);
            findings.Add(Data, run, DataChecks.PointerProblems(build.Repository.Path, Pointer));
            findings.Add(Data, run, DataChecks.CacheProblems(build.Repository.Path, checkedObjects));
            findings.Add(Data, run, StoreChecks.Problems(build.Repository[".mlops"]));
        }

        // The next run, not killed: it must pin the data and remove the temporary files the kills left.
        next = build.Run("--target=TrackData", "--path=records");
        again = build.Run("--target=TrackData", "--path=records");
        findings.Add(Data, "the run after the last kill", DataChecks.PointerProblems(build.Repository.Path, Pointer));
        findings.Add(Data, "the run after the last kill", DataChecks.CacheProblems(build.Repository.Path, checkedObjects));
        findings.Add(Temporary, "the run after the last kill", StoreChecks.TemporaryFiles(build.Repository.Path, ".dvc/cache"));
        TestContext.Progress.WriteLine($"TrackData: {findings.Kills} of {findings.Trials} trials killed the run while it ran");
    }

    [OneTimeTearDown]
    public void RemoveRepository() => build?.Dispose();

    [Test]
    public void Should_Leave_A_Pointer_To_Content_The_Cache_Holds_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Data), Is.Empty);
        Assert.That(findings.Kills, Is.GreaterThanOrEqualTo(Trials - 3), "nearly every moment falls while TrackData runs");
    }

    [Test]
    public void Should_Pin_The_Data_On_The_Run_After_The_Kills()
    {
        // Given, When: the kills of the fixture's setup, then two runs left alone
        // Then
        Assert.That(next.ExitCode, Is.Zero, next.Output + next.Errors);
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain($"{Pointer} already pins md5"), "the pointer pins what the folder holds");
    }

    [Test]
    public void Should_Remove_The_Temporary_Files_Of_Killed_Runs_On_The_Next_Run()
    {
        // Given, When: the kills of the fixture's setup, then a run left alone
        // Then
        Assert.That(findings.Of(Temporary), Is.Empty);
    }

    // CSV rows of seeded numbers: each seed gives other content, so each run stores new cache objects.
    private static string Rows(int seed, int count)
    {
#pragma warning disable CA5394 // Test data, not a secret.
        var random = new Random(seed);
        var text = new StringBuilder("id,amount,score\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{random.Next(100, 100_000)},{random.NextDouble():0.000000}\n");
        }
#pragma warning restore CA5394

        return text.ToString();
    }
}
