using YamlDotNet.RepresentationModel;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// The template's azure-pipelines.yml, checked for the mistakes Azure Pipelines would only report when a run starts (there is
/// no offline linter): stages that depend on earlier ones, a production deploy that waits for the environment's approval,
/// monitor on the schedule only, and the team store's secret variables passed to every build step.
/// </summary>
public sealed class AzureCiTemplateTests
{
    [Test]
    public void Should_Depend_Only_On_Earlier_Stages_And_Name_Every_Job_Once()
    {
        // Given
        var stages = Stages();
        var names = stages.Select(s => s.Scalar("stage")).ToList();

        // When, Then
        Assert.That(names, Is.EqualTo(new[] { "test", "train", "validate", "deploy", "monitor" }));
        for (var i = 0; i < stages.Count; i++)
        {
            Assert.That(stages[i].Scalars("dependsOn").Select(d => names.IndexOf(d)), Is.All.InRange(0, i - 1), $"stage '{names[i]}' depends on");
            var jobs = stages[i].Items("jobs").Select(j => j.Scalar("job") ?? j.Scalar("deployment")).ToList();
            Assert.That(jobs, Is.Not.Empty.And.Unique.And.All.Not.Null, $"stage '{names[i]}'");
        }
    }

    [Test]
    public void Should_Deploy_To_Production_From_A_Deployment_Job_That_Checks_Out_The_Repository()
    {
        // Given
        var stage = Stages().Single(s => Steps(s).Any(step => Runs(step, "--target=Deploy")));

        // When
        var jobs = stage.Items("jobs");

        // Then: the environment's approvals hold the job; a deployment job gets no checkout of its own
        Assert.That(jobs.Select(j => j.Scalar("deployment")), Is.All.Not.Null);
        Assert.That(jobs.Select(j => j.Scalar("environment") ?? (j.Get("environment") as YamlMappingNode)?.Scalar("name")), Is.All.EqualTo("production"));
        Assert.That(Steps(stage).Select(s => s.Scalar("checkout")).First(c => c is not null), Is.EqualTo("self"));
        Assert.That(stage.Scalar("condition"), Does.Contain("eq(variables['Build.SourceBranch'], 'refs/heads/main')").And.Contain("succeeded()"));
    }

    [Test]
    public void Should_Run_Monitor_Only_On_The_Schedule_And_The_Pipeline_Never_On_It()
    {
        // Given
        var root = CiTemplates.Load(CiTemplates.Azure);
        var stages = Stages();

        // When
        var monitor = stages.Single(s => Steps(s).Any(step => Runs(step, "--target=Monitor")));

        // Then
        Assert.That(root.Items("schedules").Select(s => s.Scalar("cron")), Is.Not.Empty.And.All.Not.Empty);
        Assert.That(root.Items("schedules").Select(s => s.Scalar("always")), Is.All.EqualTo("true"), "monitor runs whether or not the code changed");
        Assert.That(monitor.Scalar("condition"), Is.EqualTo("eq(variables['Build.Reason'], 'Schedule')"));
        Assert.That(monitor.Scalars("dependsOn"), Is.Empty);
        Assert.That(monitor.Get("dependsOn"), Is.InstanceOf<YamlSequenceNode>(), "without dependsOn: [] a stage depends on the one before it");
        Assert.That(stages[0].Scalar("condition"), Is.EqualTo("ne(variables['Build.Reason'], 'Schedule')"));
    }

    [Test]
    public void Should_Pass_The_Team_Store_Secrets_To_Every_Build_Step_And_Unset_Those_Not_Defined()
    {
        // Given
        var names = CiTemplates.Load(CiTemplates.Azure).Mapping("variables").Scalar("TEAM_STORE_VARIABLES")!.Split(' ');

        // When
        var builds = Stages().SelectMany(Steps).Where(s => s.Scalar("bash")?.Contains("./build.sh", StringComparison.Ordinal) == true).ToList();

        // Then
        Assert.That(names, Is.SupersetOf(new[] { "MLOPS_STORE", "MLOPS_ARTIFACTS", "MLOPS_SIGNING_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_S3" }));
        Assert.That(builds, Is.Not.Empty);
        foreach (var step in builds)
        {
            var env = step.Mapping("env").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value, StringComparer.Ordinal);
            Assert.That(names.Where(n => !env.TryGetValue(n, out var value) || value != $"$({n})"), Is.Empty, step.Scalar("displayName"));
            var script = step.Scalar("bash")!;
            Assert.That(script.IndexOf("then unset \"$name\"", StringComparison.Ordinal), Is.InRange(0, script.IndexOf("./build.sh", StringComparison.Ordinal)),
                $"'{step.Scalar("displayName")}' unsets the secrets that are not defined (they arrive as the text $(NAME)) before it builds");
        }
    }

    [Test]
    public void Should_Pin_Every_Task_To_A_Major_Version_And_Keep_The_Artifacts_Of_A_Failed_Job()
    {
        // Given, When
        var steps = Stages().SelectMany(Steps).ToList();

        // Then
        Assert.That(steps.Select(s => s.Scalar("task")).OfType<string>(), Is.Not.Empty.And.All.Matches(@"^[A-Za-z]+@\d+$"));
        var keeping = steps.Where(s => s.Get("publish") is not null || s.Scalar("task") == "CopyFiles@2").ToList();
        Assert.That(keeping, Is.Not.Empty);
        Assert.That(keeping.Select(s => s.Scalar("condition")), Is.All.EqualTo("succeededOrFailed()"));
    }

    private static List<YamlMappingNode> Stages() => CiTemplates.Load(CiTemplates.Azure).Items("stages");

    /// <summary>The steps of a stage's jobs, and of its deployment jobs' runOnce strategy.</summary>
    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode stage) =>
        stage.Items("jobs").SelectMany(job => job.Get("strategy") is YamlMappingNode strategy
            ? strategy.Mapping("runOnce").Mapping("deploy").Items("steps")
            : job.Items("steps"));

    private static bool Runs(YamlMappingNode step, string target) => step.Scalar("bash")?.Contains(target, StringComparison.Ordinal) == true;
}
