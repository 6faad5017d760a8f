using System.Globalization;
using System.Text;
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

    private string Repository => folder["loans"];

    // A template store of the fixture's own, not the user's.
    private string Hive => $"--debug:custom-hive \"{folder["templates"]}\"";

    [OneTimeSetUp]
    public void CreateRepository()
    {
        feed = PackageFeed.Pack();
        folder = new TempDirectory();
        var installed = ChildProcess.Run(folder.Path, "dotnet", $"new install \"{feed.Template}\" {Hive}");
        Assert.That(installed.ExitCode, Is.Zero, installed.Output + installed.Errors);
        Create("loans");
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
        Assert.That(result.Output, Does.Match(@"Train\s+ran\s+\S+\s+loans v1"));
        Assert.That(File.ReadAllText(Path.Combine(Repository, "pipelines/loans.yaml")), Does.Contain("name: loans"));
        foreach (var file in new[] { "artifacts/loans/model-card.md", "artifacts/loans/report.html", "artifacts/loans/metrics.json", "data/credit.csv" })
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
        File.WriteAllText(Path.Combine(Repository, "pipelines/loans.yaml"), PipelineYaml.Named("loans")
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
        Assert.That(result.Output, Does.Match(@"Train\s+ran\s+\S+\s+loans v2"));
        Assert.That(File.ReadAllText(Path.Combine(Repository, "artifacts/loans/model-card.md")), Does.Contain("Protected attribute `region`"));
    }

    [Test]
    public void Should_Build_And_Run_The_Same_Through_Build_Ps1_Under_PowerShell()
    {
        // Given
        var pwsh = Pwsh.Require();
        var repository = Create("loans-ps");

        // When
        var result = ChildProcess.Run(ChildProcess.Start(repository, pwsh, "-NoProfile", "-NonInteractive", "-File", Path.Combine(repository, "build.ps1")));

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Building the build program"));
        Assert.That(result.Output, Does.Match(@"Train\s+ran\s+\S+\s+loans-ps v1"));
        Assert.That(Path.Combine(repository, "artifacts/loans-ps/model-card.md"), Does.Exist);
    }

    /// <summary>A repository made by `dotnet new mlops -n <paramref name="name"/>`, with a nuget.config naming the feed.</summary>
    private string Create(string name)
    {
        var created = ChildProcess.Run(folder.Path, "dotnet", $"new mlops -n {name} -o {name} {Hive}");
        Assert.That(created.ExitCode, Is.Zero, created.Output + created.Errors);
        File.WriteAllText(Path.Combine(folder[name], "nuget.config"), feed.Config());
        return folder[name];
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
