using MlOps.Testing;
using YamlDotNet.RepresentationModel;

namespace MlOps.Build.Tests.Templates;

/// <summary>The GitHub Actions workflows of the template pass actionlint and keep the approval, the schedule and the caches.</summary>
public sealed class GitHubCiTemplateTests
{
    private static readonly string[] Workflows = [CiTemplates.GitHubPipeline, CiTemplates.GitHubMonitor];

    private static readonly string[] PinnedActions = ["actions/checkout@v4", "actions/setup-dotnet@v4", "actions/cache@v4", "actions/upload-artifact@v4"];

    [TestCaseSource(nameof(Workflows))]
    public void Should_Pass_Actionlint_When_Linted(string workflow)
    {
        // Given
        var file = CiTemplates.FullPath(workflow);

        // When
        var (exitCode, output) = Actionlint.Lint(file);

        // Then
        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public void Should_Name_The_Mistake_When_Actionlint_Lints_A_Broken_Workflow()
    {
        // Given: the linter really runs, so a clean result above means something
        using var folder = new TempDirectory();
        var file = folder.Write("broken.yml", "on: push\njobs:\n  deploy:\n    needs: validate\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./build.sh\n");

        // When
        var (exitCode, output) = Actionlint.Lint(file);

        // Then
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.EndWith("broken.yml:3:3: job \"deploy\" needs job \"validate\" which does not exist in this workflow [job-needs]"));
    }

    [TestCaseSource(nameof(Workflows))]
    public void Should_Use_Only_Pinned_Well_Known_Actions_And_Build_Targets_When_A_Job_Runs_A_Step(string workflow)
    {
        // Given, When
        var steps = Jobs(workflow).SelectMany(job => job.Job.Items("steps")).ToList();

        // Then
        Assert.That(steps.Select(s => s.Scalar("uses")).OfType<string>().Where(a => !PinnedActions.Contains(a)), Is.Empty);
        var dotnet = steps.Where(s => s.Scalar("uses") == "actions/setup-dotnet@v4").ToList();
        Assert.That(dotnet.Select(s => s.Mapping("with").Scalar("dotnet-version")), Is.Not.Empty.And.All.EqualTo("10.0.x"));
        var commands = steps.Select(s => s.Scalar("run")).OfType<string>().Where(r => !r.Contains("gh issue", StringComparison.Ordinal));
        Assert.That(commands, Is.All.StartsWith("./build.sh --target="));
    }

    [TestCaseSource(nameof(Workflows))]
    public void Should_Restore_The_Nuget_And_Dvc_Caches_Before_The_Build_When_A_Job_Runs(string workflow)
    {
        // Given, When
        var jobs = Jobs(workflow);

        // Then
        foreach (var (name, job) in jobs)
        {
            var steps = job.Items("steps");
            var caches = steps.Where(s => s.Scalar("uses") == "actions/cache@v4").Select(s => s.Mapping("with")).ToList();
            Assert.That(caches.Select(c => c.Scalar("path")), Is.EquivalentTo(new[] { "~/.nuget/packages", ".dvc/cache" }), name);
            Assert.That(caches[0].Scalar("key"), Does.Contain("hashFiles('build/*.csproj', '**/packages.lock.json')"), name);
            var firstBuild = steps.FindIndex(s => s.Scalar("run") is not null);
            Assert.That(steps.FindLastIndex(s => s.Scalar("uses") == "actions/cache@v4"), Is.LessThan(firstBuild), name);
        }
    }

    [Test]
    public void Should_Wait_For_The_Production_Environment_When_A_Job_Deploys()
    {
        // Given, When
        var deploying = Jobs(CiTemplates.GitHubPipeline)
            .Where(job => job.Job.Items("steps").Any(s => s.Scalar("run")?.Contains("--target=Deploy", StringComparison.Ordinal) == true)).ToList();

        // Then
        Assert.That(deploying, Is.Not.Empty);
        foreach (var (name, job) in deploying)
        {
            Assert.That(job.Scalar("environment") ?? (job.Get("environment") as YamlMappingNode)?.Scalar("name"), Is.EqualTo("production"), name);
            Assert.That(job.Scalar("if"), Does.Contain("github.ref == 'refs/heads/main'"), name);
            Assert.That(job.Scalars("needs"), Does.Contain("validate"), name);
        }
    }

    [Test]
    public void Should_Open_An_Issue_And_Fail_When_The_Scheduled_Monitor_Finds_A_Breach()
    {
        // Given
        var workflow = CiTemplates.Load(CiTemplates.GitHubMonitor);

        // When
        var steps = Jobs(CiTemplates.GitHubMonitor).Single().Job.Items("steps");

        // Then
        Assert.That(workflow.Mapping("on").Items("schedule").Select(s => s.Scalar("cron")), Is.Not.Empty.And.All.Not.Empty);
        Assert.That(workflow.Mapping("permissions").Scalar("issues"), Is.EqualTo("write"));
        var monitor = steps.Single(s => s.Scalar("run")?.Contains("--target=Monitor", StringComparison.Ordinal) == true);
        Assert.That(monitor.Get("continue-on-error"), Is.Null, "a breach must fail the job");
        var issue = steps.Single(s => s.Scalar("run")?.Contains("gh issue create", StringComparison.Ordinal) == true);
        Assert.That(issue.Scalar("if"), Does.Contain("failure()").And.Contain($"steps.{monitor.Scalar("id")}.outcome == 'failure'"));
        Assert.That(issue.Mapping("env").Scalar("GH_TOKEN"), Is.EqualTo("${{ github.token }}"));
    }

    [TestCaseSource(nameof(Workflows))]
    public void Should_Upload_The_Reports_Even_When_A_Job_Fails(string workflow)
    {
        // Given, When
        var uploads = Jobs(workflow).SelectMany(job => job.Job.Items("steps")).Where(s => s.Scalar("uses") == "actions/upload-artifact@v4").ToList();

        // Then
        Assert.That(uploads, Is.Not.Empty);
        Assert.That(uploads.Select(u => u.Scalar("if")), Is.All.EqualTo("always()"));
    }

    private static List<(string Name, YamlMappingNode Job)> Jobs(string workflow) =>
        [.. CiTemplates.Load(workflow).Mapping("jobs").Entries().Select(e => (e.Key, (YamlMappingNode)e.Value))];
}
