using System.Diagnostics;
using MlOps.Models.Audit;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// Deploy --force to the local environment while a server serves there, SIGKILLed at random moments of its
/// measured duration. After each kill: the store is sound, the environment's port still answers /invocations,
/// and once Status has run only the server the registry says serves runs; at the end every answered
/// request is in an audit log whose chain VerifyAudit finds intact.
/// </summary>
[Category("Slow")]
[Category("KillTrials")]
public sealed class DeployKillTrials
{
    private const int Trials = 12;
    private const string Store = "Store";
    private const string Answers = "Answers";
    private const string Strays = "Stray servers";
    private const string Audit = "Audit";
    private readonly KillFindings findings = new();
    private readonly Dictionary<string, object> answered = new(StringComparer.Ordinal);
    private Deployed deployed = null!;

    [OneTimeSetUp]
    public async Task KillDeployAgainAndAgain()
    {
        deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var body = build.HeldOutRows(5).Body;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}"), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var measured = build.Run("--target=Deploy", "--exclusive", "--force");
        Assert.That(measured.ExitCode, Is.Zero, measured.Output + measured.Errors);

        foreach (var moment in KillPlan.Draw("Deploy", Trials, clock.Elapsed).Moments)
        {
            await KillDeployAsync(build, moment, client, body);
        }

        var logs = CheckAuditLogs(build);
        TestContext.Progress.WriteLine(
            $"Deploy: {findings.Kills} of {findings.Trials} trials killed the run while it ran; {answered.Count} requests answered, {logs.Count} audit logs");
    }

    [OneTimeTearDown]
    public void StopAndRemove() => deployed?.Dispose();

    [Test]
    public void Should_Leave_A_Sound_Store_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Store), Is.Empty);
        Assert.That(findings.Kills, Is.GreaterThanOrEqualTo(Trials - 3), "nearly every moment falls while Deploy runs");
    }

    [Test]
    public void Should_Keep_The_Previous_Deployment_Answering_After_Each_Kill()
    {
        // Given, When: the kills of the fixture's setup
        // Then
        Assert.That(findings.Of(Answers), Is.Empty);
    }

    [Test]
    public void Should_Leave_No_Server_The_Registry_Does_Not_Say_Serves_Once_Status_Ran()
    {
        // Given, When: the kills of the fixture's setup, each followed by Status
        // Then
        Assert.That(findings.Of(Strays), Is.Empty);
    }

    [Test]
    public void Should_Hold_Every_Answered_Prediction_In_An_Intact_Audit_Log()
    {
        // Given, When: the kills of the fixture's setup, requests after each
        // Then
        Assert.That(findings.Of(Audit), Is.Empty);
    }

    // One trial: SIGKILL a Deploy, then what must hold before and after Status has run.
    private async Task KillDeployAsync(BuildProgram build, KillMoment moment, HttpClient client, string body)
    {
        var servers = build.Repository[".mlops/deployments"] + "/";
        var run = Sigkill.Build(build, moment, () => { }, "--target=Deploy", "--exclusive", "--force");
        findings.Count(run);
        findings.Add(Store, run, StoreChecks.Problems(build.Repository[".mlops"]));
        findings.Add(Answers, run, await AnswerAsync(client, body, $"deploy-{moment.Trial}-after-kill", run));

        // Status first: Deploy, Rollback and Status are the ones to find and stop what the registry does not say serves.
        var status = build.Run("--target=Status");
        findings.Add(Strays, run, status.ExitCode == 0 ? [] : [$"Status exited {status.ExitCode}: {status.Errors}"]);
        var serving = Serving();
        var strays = OwnServers.Strays(servers, serving);
        findings.Add(Strays, run, strays.Select(pid =>
            $"server pid {pid} ({Folder(pid)}) runs beside deployment {serving?.Id} (pid {serving?.RunsAs}), which the registry says serves"));
        findings.Add(Answers, run, serving is not null && OwnServers.Pids(servers).Contains(serving.RunsAs) ? []
            : [$"deployment {serving?.Id} (pid {serving?.RunsAs}), which the registry says serves, does not run"]);

        // Each trial starts from what the registry records, so that a finding belongs to the kill before it.
        OwnServers.Stop(strays);
        findings.Add(Answers, run, await AnswerAsync(client, body, $"deploy-{moment.Trial}-after-status", run));
    }

    // Every answered request in an audit log of the deployments, each log's chain intact; returns the logs.
    private List<string> CheckAuditLogs(BuildProgram build)
    {
        var servers = build.Repository[".mlops/deployments"] + "/";

        // Stopped as Deploy stops a server (SIGTERM), every server writes its audit log out.
        OwnServers.Stop(OwnServers.Pids(servers));
        var logs = Directory.EnumerateFiles(servers, "predictions.jsonl", SearchOption.AllDirectories).ToList();
        var logged = logs.SelectMany(AuditLogReader.Read).Select(p => p.RequestId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, run) in answered.Where(a => !logged.Contains(a.Key)))
        {
            findings.Add(Audit, run, [$"request {id} was answered, but no audit log of the deployments holds it"]);
        }

        foreach (var log in logs.Where(l => new FileInfo(l).Length > 0))
        {
            var verified = build.Run("--target=VerifyAudit", $"--log={log}");
            findings.Add(Audit, "the end of the trials", verified.ExitCode == 0 ? [] : [$"VerifyAudit exited {verified.ExitCode}: {verified.Errors}"]);
        }

        return logs;
    }

    private DeploymentRecord? Serving()
    {
        using var store = TrackingStore.Open(deployed.Build.Repository[".mlops"]);
        return store.Deployments.CurrentDeployment("credit-scoring", "local");
    }

    private async Task<IEnumerable<string>> AnswerAsync(HttpClient client, string body, string id, object trial)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/invocations", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Request-Id", id);
        try
        {
            using var answer = await client.SendAsync(request);
            if (answer.IsSuccessStatusCode)
            {
                answered[id] = trial;
                return [];
            }

            return [$"127.0.0.1:{deployed.LocalPort} answered /invocations with {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}"];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return [$"127.0.0.1:{deployed.LocalPort} did not answer /invocations: {e.Message}"];
        }
    }

    // The server's audit log names its deployment.
    private static string Folder(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').FirstOrDefault(a => a.StartsWith("--audit_log=", StringComparison.Ordinal)) ?? "starting";
        }
        catch (IOException)
        {
            return "ended since";
        }
    }
}
