using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>A build killed with SIGKILL mid-run: the next run marks its run Killed and removes the temporary files it left.</summary>
[Category("Slow")]
public sealed class KilledRunProgramTests
{
    [Test]
    public void Should_Mark_The_Run_Of_A_Killed_Train_Killed_And_Remove_Only_The_Temporary_Files_Whose_Writer_Is_Gone()
    {
        // Given: Train killed with SIGKILL while its run is Running, and temporary files named for their writers
        using var build = BuildProgram.QuickSample();
        var validated = build.Run("--target=ValidateData");
        Assert.That(validated.ExitCode, Is.Zero, validated.Output + validated.Errors);
        var (killedRun, killedPid) = KillTrainMidRun(build);
        var host = Environment.MachineName;
        var leftInCache = build.Repository.Write($".dvc/cache/files/md5/ab/.cdef.{Guid.NewGuid():N}.{Writer(host, killedPid)}.tmp", "half an object");
        var leftInRun = build.Repository.Write($".mlops/artifacts/{killedRun}/.model.mlbundle.{Guid.NewGuid():N}.{Writer(host, killedPid)}.tmp", "half a bundle");
        var beingWritten = build.Repository.Write($".dvc/cache/files/md5/cd/.ef01.{Guid.NewGuid():N}.{Writer(host, Environment.ProcessId)}.tmp", "a live writer's");
        var otherHost = build.Repository.Write($".dvc/cache/files/md5/ab/.cdef.{Guid.NewGuid():N}.{Writer("another-host", killedPid)}.tmp", "another host's");
        var notOurs = build.Repository.Write(".dvc/cache/files/md5/ab/cdef.0a1b2c3d.tmp", "DVC's own");

        // When
        var next = build.Run("--target=Train", "--exclusive");

        // Then
        Assert.That(next.ExitCode, Is.Zero, next.Output + next.Errors);
        Assert.That(next.Output, Does.Contain($"Train: run {killedRun} was left Running by process {killedPid} on {host}, which is gone; marked it Killed.")
            .And.Contain($"Train: removed 2 temporary files whose writer is gone: {Path.GetRelativePath(build.Repository.Path, leftInCache)}, "
                + $"{Path.GetRelativePath(build.Repository.Path, leftInRun)}."));
        using (var store = TrackingStore.Open(build.Repository[".mlops"]))
        {
            var runs = store.Runs.InExperiment("credit-scoring");
            Assert.That(runs.Select(r => (r.Id == killedRun, r.Status)), Is.EqualTo(new[] { (false, RunStatus.Finished), (true, RunStatus.Killed) }));
            Assert.That(runs[1].End, Is.Not.Null);
        }

        Assert.That(new[] { leftInCache, leftInRun }.Select(File.Exists), Is.All.False, "the killed build's temporary files are removed");
        Assert.That(new[] { beingWritten, otherHost, notOurs }.Select(File.Exists), Is.All.True, "files of a live writer, another host or another program stay");
    }

    // The writer part of a temporary file's name: the first 8 hex characters of the SHA-256 of the host's name, and the pid.
    private static string Writer(string host, int pid) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(host)))[..8]}-{pid}";

    // Starts Train, freezes it as soon as its run is recorded as Running, and kills it with SIGKILL.
    private static (string Run, int Pid) KillTrainMidRun(BuildProgram build)
    {
        using var running = build.Launch("--target=Train", "--exclusive");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.That(running.Wait(TimeSpan.FromMilliseconds(20)), Is.Null, "Train ended before the test could kill it");
            Assert.That(clock.Elapsed, Is.LessThan(TestTimeLimits.Run), "Train recorded no run in time");
            if (File.Exists(build.Repository[".mlops/mlops.db"]) && RunningRun(build) is { } run)
            {
                running.Pause();
                Assert.That(RunningRun(build), Is.EqualTo(run), "the run still runs when the build is killed");
                running.Kill();
                return (run, running.Id);
            }
        }
    }

    private static string? RunningRun(BuildProgram build)
    {
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        return store.Runs.InExperiment("credit-scoring").FirstOrDefault(r => r.Status == RunStatus.Running)?.Id;
    }
}
