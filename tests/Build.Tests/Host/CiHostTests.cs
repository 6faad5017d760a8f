using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Testing;
using Spectre.Console;

namespace MlOps.Build.Tests.Host;

/// <summary>The host with a CI service: groups around tasks, the <c>Error:</c> line as an annotation, the job summary.</summary>
public sealed class CiHostTests
{
    [TaskName("Prepare")]
    private sealed class PrepareTask : BuildTask
    {
        public override void Run(BuildContext context) => context.Note("prepared");
    }

    [TaskName("Bad")]
    [IsDependentOn(typeof(PrepareTask))]
    private sealed class BadTask : BuildTask
    {
        public override void Run(BuildContext context) =>
            throw new InvalidFileException(new SourceLocation("pipelines/p.yaml", 4, 3), "Unknown key 'paht' in 'data'.");
    }

    private static (int ExitCode, string Output, string Errors, string Summary) Run(string service, params string[] args)
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { [service] = "true", ["GITHUB_STEP_SUMMARY"] = temp["summary.md"] };
        var ci = CiService.Detect(variables, temp.Path, TimeProvider.System);
        var code = new BuildHost().AddTask<PrepareTask>().AddTask<BadTask>().UseCi(ci).RunAsync(args, temp.Path, console, errors).GetAwaiter().GetResult();
        return (code, output.ToString(), errors.ToString(), File.Exists(temp["summary.md"]) ? File.ReadAllText(temp["summary.md"]) : "");
    }

    [Test]
    public void Should_Group_Each_Task_And_Annotate_The_Error_With_Its_File_And_Line_On_GitHub()
    {
        // When
        var (code, output, errors, summary) = Run("GITHUB_ACTIONS", "--target=Bad");

        // Then
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("::group::Prepare\n==> Prepare\n::endgroup::\n::group::Bad\n==> Bad\n::endgroup::\n"));
        Assert.That(output, Does.Contain("::error file=pipelines/p.yaml,line=4,col=3,title=Bad::pipelines/p.yaml:4:3: Unknown key 'paht' in 'data'.\n"));
        Assert.That(errors, Is.EqualTo("Error: pipelines/p.yaml:4:3: Unknown key 'paht' in 'data'.\n"));
        Assert.That(summary, Does.StartWith("## Build Bad: failed (exit code 2)\n"));
        Assert.That(summary, Does.Contain("| Prepare | ✅ ran |").And.Contain("| prepared |\n| Bad | ❌ failed |"));
    }

    [Test]
    public void Should_Write_Nothing_For_CI_Without_A_Service()
    {
        // When
        var (code, output, _, summary) = Run("CI", "--target=Prepare");

        // Then
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Not.Contain("::").And.Not.Contain("##[").And.Not.Contain("section_"));
        Assert.That(summary, Is.Empty);
    }
}
