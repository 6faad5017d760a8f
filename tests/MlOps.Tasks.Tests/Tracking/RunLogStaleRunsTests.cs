using System.Diagnostics;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class RunLogStaleRunsTests(Engine engine)
{
    [Test]
    public void Should_Mark_Killed_Only_The_Running_Runs_Of_This_Machine_Whose_Process_Is_Gone()
    {
        // Given
        using var fixture = new TestStore(engine);
        var gone = GonePid();
        var live = fixture.Store.Runs.StartRun("credit-scoring").Id;
        var killed = Run(fixture, $"pid = {gone}");
        var reused = Run(fixture, $"process_start_ms = process_start_ms - 3600000");
        var elsewhere = Run(fixture, $"pid = {gone}, host = 'another-host'");
        var unknown = Run(fixture, "pid = NULL, host = NULL, process_start_ms = NULL");
        var ended = Run(fixture, $"pid = {gone}");
        fixture.Store.Runs.EndRun(ended, RunStatus.Failed);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // When
        var marked = fixture.Store.Runs.MarkStaleRunsKilled();

        // Then
        Assert.That(marked.Select(r => (r.Id, r.Pid)), Is.EqualTo(new[] { (killed, gone), (reused, Environment.ProcessId) }));
        Assert.That(marked.Select(r => (r.Experiment, r.Host)), Is.All.EqualTo(("credit-scoring", Environment.MachineName)));
        var status = fixture.Store.Runs.InExperiment("credit-scoring").ToDictionary(r => r.Id, r => (r.Status, r.End));
        var end = TestStore.Start + TimeSpan.FromMinutes(1);
        Assert.That(status[killed], Is.EqualTo((RunStatus.Killed, (DateTimeOffset?)end)));
        Assert.That(status[reused], Is.EqualTo((RunStatus.Killed, (DateTimeOffset?)end)));
        Assert.That(new[] { live, elsewhere, unknown }.Select(id => status[id].Status), Is.All.EqualTo(RunStatus.Running),
            "a live process's run, another machine's and one recorded without its process are left alone");
        Assert.That(status[ended].Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(fixture.Store.Runs.MarkStaleRunsKilled(), Is.Empty);
    }

    // A run of this process, then changed as another process's would be.
    private static string Run(TestStore fixture, string change)
    {
        var id = fixture.Store.Runs.StartRun("credit-scoring").Id;
        fixture.Sql($"UPDATE runs SET {change} WHERE id = '{id}'");
        return id;
    }

    // The id of a process that has ended.
    private static int GonePid()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
