using YamlDotNet.RepresentationModel;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// The template's .gitlab-ci.yml, checked for the mistakes GitLab would only report when the pipeline is created (there is
/// no offline linter): stages, needs and extends that exist, a production deploy started by hand, monitor on the schedule only.
/// </summary>
public sealed class GitLabCiTemplateTests
{
    private static readonly string[] Keywords =
        ["stages", "workflow", "variables", "default", "include", "image", "services", "cache", "before_script", "after_script", "spec"];

    [Test]
    public void Should_Declare_The_Stages_Test_Train_Validate_Deploy_Monitor_When_Read()
    {
        // Given, When
        var stages = CiTemplates.Load(CiTemplates.GitLab).Scalars("stages");

        // Then
        Assert.That(stages, Is.EqualTo(new[] { "test", "train", "validate", "deploy", "monitor" }));
    }

    [Test]
    public void Should_Put_Every_Job_In_A_Declared_Stage_With_A_Script()
    {
        // Given
        var stages = CiTemplates.Load(CiTemplates.GitLab).Scalars("stages");

        // When
        var jobs = Jobs();

        // Then
        Assert.That(jobs, Is.Not.Empty);
        foreach (var (name, job) in jobs)
        {
            Assert.That(stages, Does.Contain(job.Scalar("stage")), $"job '{name}' has stage '{job.Scalar("stage")}'");
            Assert.That(job.Scalars("script"), Is.Not.Empty.And.All.Contain("./build.sh --target="), $"job '{name}'");
        }
    }

    [Test]
    public void Should_Need_Only_Jobs_Of_The_Same_Or_An_Earlier_Stage_And_Extend_Only_Templates_That_Exist()
    {
        // Given
        var root = CiTemplates.Load(CiTemplates.GitLab);
        var stages = root.Scalars("stages");
        var jobs = Jobs().ToDictionary(j => j.Name, j => j.Job, StringComparer.Ordinal);

        // When, Then
        foreach (var (name, job) in jobs)
        {
            foreach (var needed in job.Scalars("needs"))
            {
                Assert.That(jobs.ContainsKey(needed), $"job '{name}' needs '{needed}', which is no job");
                Assert.That(stages.IndexOf(jobs[needed].Scalar("stage")!), Is.LessThanOrEqualTo(stages.IndexOf(job.Scalar("stage")!)), $"'{name}' needs '{needed}'");
            }

            Assert.That(job.Scalars("extends").Where(e => !e.StartsWith('.') || root.Get(e) is not YamlMappingNode), Is.Empty, $"job '{name}' extends");
        }
    }

    [Test]
    public void Should_Start_The_Production_Deploy_By_Hand_On_The_Default_Branch_Only()
    {
        // Given, When
        var production = Jobs().Where(j => (j.Job.Get("environment") as YamlMappingNode)?.Scalar("name") == "production").ToList();

        // Then
        Assert.That(production.Select(j => j.Name), Is.Not.Empty);
        foreach (var (name, job) in production)
        {
            Assert.That(job.Scalars("script"), Has.Some.Contain("--target=Deploy"), name);
            var rules = job.Items("rules");
            Assert.That(rules.Select(r => r.Scalar("when")), Is.All.AnyOf("manual", "never"), $"'{name}' must wait for a person");
            Assert.That(rules.Single(r => r.Scalar("when") == "manual").Scalar("if"), Is.EqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"), name);
            Assert.That(job.Scalar("when"), Is.Null.Or.EqualTo("manual"), name);
            Assert.That(job.Scalar("resource_group"), Is.EqualTo("production"), $"one deploy to production at a time ({name})");
        }
    }

    [Test]
    public void Should_Run_Monitor_Only_From_A_Schedule_And_The_Other_Jobs_Never_From_One()
    {
        // Given
        var root = CiTemplates.Load(CiTemplates.GitLab);

        // When
        var jobs = Jobs().Select(j => (j.Name, Monitors: j.Job.Scalars("script").Any(s => s.Contains("--target=Monitor", StringComparison.Ordinal)), Rules: Rules(root, j.Job)));

        // Then
        foreach (var (name, monitors, rules) in jobs)
        {
            var first = rules.FirstOrDefault();
            Assert.That(first?.Scalar("if"), Is.EqualTo("$CI_PIPELINE_SOURCE == \"schedule\""), $"job '{name}' first asks whether the pipeline is scheduled");
            Assert.That(first!.Scalar("when"), monitors ? Is.Null.Or.EqualTo("on_success") : Is.EqualTo("never"), $"job '{name}'");
            Assert.That(rules.Count - 1, monitors ? Is.Zero : Is.Positive, $"job '{name}': the rules after the schedule's");
        }
    }

    [Test]
    public void Should_Cache_Only_Paths_Inside_The_Project_When_A_Job_Keeps_The_Caches()
    {
        // Given
        var root = CiTemplates.Load(CiTemplates.GitLab);

        // When
        var paths = root.Mapping("default").Items("cache").SelectMany(c => c.Scalars("paths")).ToList();

        // Then: GitLab caches nothing outside $CI_PROJECT_DIR, so NuGet's packages must be there
        Assert.That(paths, Is.EquivalentTo(new[] { ".nuget/packages/", ".dvc/cache/" }));
        Assert.That(root.Mapping("variables").Scalar("NUGET_PACKAGES"), Is.EqualTo("$CI_PROJECT_DIR/.nuget/packages"));
    }

    /// <summary>The jobs: top-level mappings that are neither keywords nor hidden templates (.name).</summary>
    private static List<(string Name, YamlMappingNode Job)> Jobs() =>
        [.. CiTemplates.Load(CiTemplates.GitLab).Entries()
            .Where(e => !Keywords.Contains(e.Key) && !e.Key.StartsWith('.') && e.Value is YamlMappingNode)
            .Select(e => (e.Key, (YamlMappingNode)e.Value))];

    /// <summary>The job's rules, its own or those of the template it extends.</summary>
    private static List<YamlMappingNode> Rules(YamlMappingNode root, YamlMappingNode job) =>
        job.Get("rules") is not null ? job.Items("rules") : [.. job.Scalars("extends").SelectMany(e => ((YamlMappingNode)root.Get(e)!).Items("rules"))];
}
