using System.Globalization;
using System.Text;
using MlOps.Tasks.Containers;
using MlOps.Testing;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// A team's own repository, as `dotnet new mlops` makes it from the packed template in a temporary folder, whose
/// ./build.sh builds the program from the packages of a folder feed and runs it there: data, store and artifacts in
/// that folder.
/// </summary>
public sealed class RepositoryTemplateProgramTests
{
    private PackageFeed feed = null!;
    private TempDirectory folder = null!;

    // The repository's (and so the pipeline's, the model's and its image's) name: this fixture's own, in letters (the template
    // writes a name in kebab case, which would split a run of digits and letters).
    private readonly string name = "loans-" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private string Repository => folder[name];

    // A template store of the fixture's own, not the user's.
    private string Hive => $"--debug:custom-hive \"{folder["templates"]}\"";

    [OneTimeSetUp]
    public void CreateRepository()
    {
        feed = PackageFeed.Pack(BuildProgram.SourceRoot,
            "src/Models/MlOps.Models.csproj", "src/MlOps.Tasks/MlOps.Tasks.csproj", "src/MlOps.Build/MlOps.Build.csproj", "src/MlOps.Templates/MlOps.Templates.csproj");
        folder = new TempDirectory();
        var installed = ChildProcess.Run(folder.Path, "dotnet", $"new install \"{feed.Package("MlOps.Templates")}\" {Hive}");
        Assert.That(installed.ExitCode, Is.Zero, installed.Output + installed.Errors);
        Create(name);
    }

    [OneTimeTearDown]
    public void DeleteRepository()
    {
        folder?.Dispose();
        feed?.Dispose();
    }

    [Test]
    public void Should_Make_A_Repository_Whose_Build_Runs_The_Sample_Pipeline_There()
    {
        // When
        var result = ChildProcess.Run(Repository, Path.Combine(Repository, "build.sh"), "");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Match($@"Train\s+ran\s+\S+\s+{name} v1"));
        Assert.That(File.ReadAllText(Path.Combine(Repository, $"pipelines/{name}.yaml")), Does.Contain($"name: {name}"));
        foreach (var file in new[] { $"artifacts/{name}/model-card.md", $"artifacts/{name}/report.html", $"artifacts/{name}/metrics.json", "data/credit.csv" })
        {
            Assert.That(Path.Combine(Repository, file), Does.Exist, file);
        }

        Assert.That(Path.Combine(Repository, ".mlops"), Does.Exist.IgnoreFiles, "the store is the repository's");
        Assert.That(Path.Combine(Repository, "build/bin/Release/net10.0/serving/MlOps.Serving.dll"), Does.Exist, "the server comes with the package");
        Assert.That(Path.Combine(Repository, "build/bin/Release/net10.0/serving-linux-x64/MlOps.Serving"), Does.Exist, "and its image's build");
    }

    [Test]
    [DependsOnTest(nameof(Should_Make_A_Repository_Whose_Build_Runs_The_Sample_Pipeline_There))]
    public void Should_Train_On_A_Csv_Added_To_The_Repository_Once_The_Pipeline_File_Names_It()
    {
        // Given
        File.WriteAllText(Path.Combine(Repository, "data/loans.csv"), Loans(rows: 1200));
        File.WriteAllText(Path.Combine(Repository, $"pipelines/{name}.yaml"), PipelineYaml.Named(name)
            .WithData("table: data/loans.csv")
            .WithSchema("default", "id: id", "income: numeric", "age: numeric", "region: categorical", "default: categorical")
            .WithProtected("- column: region")
            .ToString());
        var tracked = ChildProcess.Run(Repository, Path.Combine(Repository, "build.sh"), "--target=TrackData");
        Assume.That(tracked.ExitCode, Is.Zero, tracked.Output + tracked.Errors);

        // When
        var result = ChildProcess.Run(Repository, Path.Combine(Repository, "build.sh"), "");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("1,200 rows"));
        Assert.That(result.Output, Does.Match($@"Train\s+ran\s+\S+\s+{name} v2"));
        Assert.That(File.ReadAllText(Path.Combine(Repository, $"artifacts/{name}/model-card.md")), Does.Contain("Protected attribute `region`"));
    }

    [Test]
    [DependsOnTest(nameof(Should_Make_A_Repository_Whose_Build_Runs_The_Sample_Pipeline_There))]
    public void Should_Leave_Beside_The_Program_Only_The_Server_Files_The_Package_Brings()
    {
        // Given: a file of another version of the package, and a change that rebuilds the program
        var stale = Path.Combine(Repository, "build/bin/Release/net10.0/serving-linux-x64/FromAnOlderPackage.dll");
        File.WriteAllText(stale, "");
        File.AppendAllText(Path.Combine(Repository, "build/Program.cs"), "// rebuilt\n");

        // When
        var result = ChildProcess.Run(Repository, Path.Combine(Repository, "build.sh"), "--description");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Building the build program"));
        Assert.That(stale, Does.Not.Exist, "the image would carry it");
    }

    // A pipeline's name is lowercase letters, digits and dashes (and a Kubernetes namespace): the repository's name becomes one.
    [TestCase("LoanScoring", "loan-scoring")]
    [TestCase("Credit Risk.v2", "credit-risk-v-2")]
    public void Should_Name_The_Pipeline_After_The_Repository_In_The_Letters_A_Pipeline_Name_Takes(string repository, string pipeline)
    {
        // When
        var created = Create(repository);

        // Then
        Assert.That(Path.Combine(created, $"pipelines/{pipeline}.yaml"), Does.Exist);
        Assert.That(File.ReadAllText(Path.Combine(created, $"pipelines/{pipeline}.yaml")), Does.Contain($"name: {pipeline}\n"));
        Assert.That(File.ReadAllText(Path.Combine(created, "nuget.config")), Does.Contain(feed.Path));
    }

    [Test]
    public void Should_Build_And_Run_The_Same_Through_Build_Ps1_Under_PowerShell()
    {
        // Given
        var pwsh = Pwsh.Require();
        var repository = Create(name + "-ps");

        // When
        var result = ChildProcess.Run(ChildProcess.Start(repository, pwsh, "-NoProfile", "-NonInteractive", "-File", Path.Combine(repository, "build.ps1")));

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Building the build program"));
        Assert.That(result.Output, Does.Match($@"Train\s+ran\s+\S+\s+{name}-ps v1"));
        Assert.That(Path.Combine(repository, $"artifacts/{name}-ps/model-card.md"), Does.Exist);
    }

    [Test]
    [DependsOnTest(nameof(Should_Make_A_Repository_Whose_Build_Runs_The_Sample_Pipeline_There))]
    public async Task Should_Build_And_Smoke_Test_The_Image_With_The_Server_The_Package_Brings()
    {
        // Given
        using var docker = await Docker.RequireAsync();

        // When
        var result = ChildProcess.Run(Repository, Path.Combine(Repository, "build.sh"), "--target=BuildImage");

        // Then
        try
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
            Assert.That(result.Output, Does.Contain("smoke test scored"));
        }
        finally
        {
            if (ImageRecord.Read(Path.Combine(Repository, $"artifacts/{name}/image.json")) is { } image)
            {
                await docker.Images.DeleteImageAsync(image.Id, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });
            }
        }
    }

    /// <summary>A repository made by `dotnet new mlops -n <paramref name="name"/>` with the feed (--feed).</summary>
    private string Create(string name)
    {
        var created = ChildProcess.Run(folder.Path, "dotnet", $"new mlops -n \"{name}\" -o {name.Replace(' ', '_')} --feed \"{feed.Path}\" {Hive}");
        Assert.That(created.ExitCode, Is.Zero, created.Output + created.Errors);
        return folder[name.Replace(' ', '_')];
    }

    /// <summary>Applications whose default depends on income alone, the same rows on every run.</summary>
    private static string Loans(int rows)
    {
        var random = new Random(7);
        var csv = new StringBuilder("id,income,age,region,default\n");
        string[] regions = ["north", "south", "east"];
        for (var id = 1; id <= rows; id++)
        {
            var income = random.Next(15, 150);
            var defaulted = random.NextDouble() < (income < 40 ? 0.6 : 0.1);
            csv.Append(CultureInfo.InvariantCulture, $"{id},{income},{random.Next(18, 80)},{regions[random.Next(3)]},{(defaulted ? 1 : 0)}\n");
        }

        return csv.ToString();
    }
}
