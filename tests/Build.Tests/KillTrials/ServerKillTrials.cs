using System.Diagnostics;
using MlOps.Models.Audit;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// The local deployment's scoring server under load from four clients, SIGKILLed at random moments of the
/// load; after each kill: every request it answered is in its audit log, VerifyAudit finds the chain intact,
/// no server of the repository runs on, the store is sound, and the next Deploy brings the environment back.
/// </summary>
[Category("Slow")]
[Category("KillTrials")]
public sealed class ServerKillTrials
{
    private const int Trials = 12;
    private const int Clients = 4;
    private const string Store = "Store";
    private const string Lost = "Answered but not audited";
    private const string Chain = "Audit chain";
    private const string Strays = "Stray servers";
    private const string Recovery = "Next Deploy";
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(3);
    private readonly KillFindings findings = new();
    private Deployed deployed = null!;
    private int answered;

    [OneTimeSetUp]
    public async Task KillTheServerAgainAndAgain()
    {
        deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var body = build.HeldOutRows(5).Body;

        foreach (var moment in KillPlan.Draw("the scoring server under load", Trials, Load, from: TimeSpan.FromSeconds(0.2)).Moments)
        {
            await KillUnderLoadAsync(build, moment, body);
        }

        var last = build.Run("--target=Deploy", "--exclusive");
        findings.Add(Recovery, "after the last kill", last.ExitCode == 0 ? [] : [$"Deploy exited {last.ExitCode}: {last.Errors}"]);
        TestContext.Progress.WriteLine($"The scoring server: {findings.Kills} of {findings.Trials} trials killed it under load; {answered} requests answered");
    }

    [OneTimeTearDown]
    public void StopAndRemove() => deployed?.Dispose();

    [Test]
    public void Should_Hold_Every_Answered_Prediction_In_The_Audit_Log_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Lost), Is.Empty);
        Assert.That(findings.Kills, Is.EqualTo(Trials));
        Assert.That(answered, Is.GreaterThan(Trials), "every trial's server answered requests before its kill");
    }

    [Test]
    public void Should_Leave_An_Audit_Chain_That_Verifies_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Chain), Is.Empty);
    }

    [Test]
    public void Should_Leave_No_Server_Running_And_A_Sound_Store_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Strays), Is.Empty);
        Assert.That(findings.Of(Store), Is.Empty);
    }

    [Test]
    public void Should_Deploy_Again_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup, each followed by Deploy
        // Then
        Assert.That(findings.Of(Recovery), Is.Empty);
    }

    // One trial: load, SIGKILL, then what must hold (after a Deploy when the last kill left nothing serving).
    private async Task KillUnderLoadAsync(BuildProgram build, KillMoment moment, string body)
    {
        var servers = build.Repository[".mlops/deployments"] + "/";
        var address = new Uri($"http://127.0.0.1:{deployed.LocalPort}");
        var serving = Serving();
        if (serving?.RunsAs is null || !OwnServers.Pids(servers).Contains(serving.RunsAs))
        {
            var redeploy = build.Run("--target=Deploy", "--exclusive");
            findings.Add(Recovery, moment, redeploy.ExitCode == 0 ? [] : [$"Deploy exited {redeploy.ExitCode}: {redeploy.Errors}"]);
            serving = Serving();
        }

        var pid = serving!.RunsAs!;
        var clock = Stopwatch.StartNew();
        var load = PredictionLoad.Start(address, body, $"server-{moment.Trial}", Clients);
        bool killed;
        try
        {
            findings.Add(Recovery, moment, await load.AnsweredAsync(1) ? [] : [$"deployment {serving.Id} (pid {pid}) answered nothing within a minute"]);
            if (moment.At > clock.Elapsed)
            {
                await Task.Delay(moment.At - clock.Elapsed);
            }

            killed = Sigkill.Process(pid);
        }
        finally
        {
            await load.DisposeAsync();
        }

        string[] ids = [.. load.Answered];
        answered += ids.Length;
        var run = new KilledRun(moment, killed, null, "");
        findings.Count(run);
        TestContext.Progress.WriteLine(run.Killed ? run.ToString() : $"{moment}: the server had ended before the kill");
        TestContext.Progress.WriteLine($"  {ids.Length} requests answered before the kill, {load.Failed} refused after it");
        var log = Path.Combine(serving.Folder, "audit", "predictions.jsonl");
        findings.Add(Lost, run, NotAudited(log, ids));
        var verified = build.Run("--target=VerifyAudit", $"--log={log}");
        findings.Add(Chain, run, verified.ExitCode == 0 ? [] : [$"VerifyAudit exited {verified.ExitCode}: {verified.Errors}"]);
        var strays = OwnServers.Pids(servers);
        findings.Add(Strays, run, strays.Select(stray => $"server pid {stray} runs on after its only server (pid {pid}) was killed"));
        OwnServers.Stop(strays);
        findings.Add(Store, run, StoreChecks.Problems(build.Repository[".mlops"]));
    }

    private static IEnumerable<string> NotAudited(string log, string[] answered)
    {
        var logged = AuditLogReader.Read(log).Select(p => p.RequestId).ToHashSet(StringComparer.Ordinal);
        var missing = answered.Where(id => !logged.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return missing.Count == 0 ? [] : [$"{missing.Count} of {answered.Length} answered requests are not in {log}: {string.Join(", ", missing.Take(5))}"];
    }

    private DeploymentRecord? Serving()
    {
        using var store = TrackingStore.Open(deployed.Build.Repository[".mlops"]);
        return store.Deployments.CurrentDeployment("credit-scoring", "local");
    }
}
