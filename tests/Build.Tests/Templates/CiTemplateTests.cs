using System.Text.RegularExpressions;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// The CI templates of the MlOps.Templates package (src/MlOps.Templates/content) parse, run only targets the build program
/// has, in the stages' order, and keep what the issue asks for: the reports as artifacts, the caches, the team store's secrets.
/// </summary>
public sealed partial class CiTemplateTests
{
    private static readonly string[] Services = ["GitHub", "GitLab", "Azure"];

    [TestCaseSource(typeof(CiTemplates), nameof(CiTemplates.All))]
    public void Should_Be_One_Yaml_Mapping_That_Runs_Build_Targets_When_Parsed(string file)
    {
        // Given, When
        var root = CiTemplates.Load(file);

        // Then
        Assert.That(root.Children, Is.Not.Empty, file);
        Assert.That(CiTemplates.Targets(file), Is.Not.Empty, $"{file} runs no ./build.sh --target=...");
    }

    [Test]
    public void Should_Call_Only_Targets_Description_Lists_When_A_Template_Runs_Build_Targets()
    {
        // Given
        using var build = new BuildProgram();
        var called = CiTemplates.All.SelectMany(file => CiTemplates.Targets(file).Select(target => $"{file}: {target}")).ToList();

        // When
        var result = build.Run("--description");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        var listed = result.Output.Split('\n').SkipWhile(l => l != "Tasks:").Skip(1)
            .Select(l => TaskName().Match(l.Trim()).Value).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        Assert.That(listed, Is.Not.Empty, result.Output);
        Assert.That(called, Is.Not.Empty);
        Assert.That(called.Where(c => !listed.Contains(c[(c.LastIndexOf(' ') + 1)..])), Is.Empty,
            $"targets --description does not list; it lists {string.Join(", ", listed.Order(StringComparer.Ordinal))}");
    }

    [TestCaseSource(nameof(Services))]
    public void Should_Run_Test_Train_Validate_Deploy_And_Monitor_In_That_Order_When_A_Service_Runs_The_Templates(string service)
    {
        // Given
        string[] stages = ["ValidateData", "Train", "Validate", "Deploy", "Monitor"];

        // When
        var targets = CiTemplates.Of(service).SelectMany(CiTemplates.Targets).Distinct(StringComparer.Ordinal);

        // Then
        Assert.That(targets.Where(stages.Contains), Is.EqualTo(stages));
    }

    [TestCaseSource(nameof(Services))]
    public void Should_Keep_The_Model_Card_Report_Metrics_And_Drift_Report_When_A_Service_Runs_The_Templates(string service)
    {
        // Given, When
        var text = string.Concat(CiTemplates.Of(service).Select(CiTemplates.Text));

        // Then
        Assert.That(new[] { "model-card.md", "report.html", "metrics.json", "monitoring/" }.Where(a => !text.Contains(a, StringComparison.Ordinal)),
            Is.Empty, $"artifacts the {service} templates do not keep");
    }

    [TestCaseSource(nameof(Services))]
    public void Should_Cache_Nuget_Packages_And_The_Dvc_Cache_When_A_Service_Runs_The_Templates(string service)
    {
        // Given, When
        var text = string.Concat(CiTemplates.Of(service).Select(CiTemplates.Text));

        // Then
        Assert.That(text, Does.Contain(".dvc/cache"));
        Assert.That(text, Does.Contain("~/.nuget/packages").Or.Contain("NUGET_PACKAGES"));
        Assert.That(text, Does.Contain("build/*.csproj").Or.Contain("build/Build.csproj"));
        Assert.That(text, Does.Contain("packages.lock.json"));
    }

    [TestCaseSource(nameof(Services))]
    public void Should_Name_The_Team_Store_Variables_When_A_Service_Runs_The_Templates(string service)
    {
        // Given
        string[] variables = ["MLOPS_STORE", "MLOPS_ARTIFACTS", "MLOPS_SIGNING_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_S3"];

        // When
        var text = string.Concat(CiTemplates.Of(service).Select(CiTemplates.Text));

        // Then
        Assert.That(variables.Where(v => !text.Contains(v, StringComparison.Ordinal)), Is.Empty, $"variables the {service} templates do not name");
        Assert.That(text, Does.Contain("each job's history is its own"), "says what happens without a team store");
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+")]
    private static partial Regex TaskName();
}
