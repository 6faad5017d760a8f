using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;

namespace MlOps.Build.Tests.Host;

public sealed class CommandLineTests
{
    private static readonly HashSet<string> TaskArguments = ["path"];

    private static BuildOptions Parse(params string[] args) => CommandLine.Parse(args, TaskArguments);

    private static string Refused(params string[] args) => Assert.Throws<UsageException>(() => Parse(args))!.Message;

    [Test]
    public void Should_Run_Default_When_No_Target_Is_Given()
    {
        // When
        var options = Parse();

        // Then
        Assert.That(options.Targets, Is.EqualTo(new[] { "Default" }));
        Assert.That(options.Verbosity, Is.EqualTo(Verbosity.Normal));
    }

    [Test]
    public void Should_Keep_Repeated_Targets_In_Order_In_Both_Spellings()
    {
        // When
        var options = Parse("--target=TrackData", "--target", "CheckData", "-t", "Default");

        // Then
        Assert.That(options.Targets, Is.EqualTo(new[] { "TrackData", "CheckData", "Default" }));
    }

    [Test]
    public void Should_Read_Switches_Host_Options_And_Task_Arguments()
    {
        // When
        var options = Parse("--exclusive", "--dryrun", "--force=true", "--verbosity=diag", "--pipeline=pipelines/a.yaml", "--environment", "docker", "--path=data/x.csv");

        // Then
        Assert.That(options.Exclusive, Is.True);
        Assert.That(options.DryRun, Is.True);
        Assert.That(options.Force, Is.True);
        Assert.That(options.Verbosity, Is.EqualTo(Verbosity.Diagnostic));
        Assert.That(options.Pipeline, Is.EqualTo("pipelines/a.yaml"));
        Assert.That(options.Environment, Is.EqualTo("docker"));
        Assert.That(options.TaskArguments["path"], Is.EqualTo("data/x.csv"));
    }

    [Test]
    public void Should_Accept_Cake_Aliases()
    {
        // When
        var options = Parse("--dry-run", "--showtree", "--descriptions", "-v", "quiet");

        // Then
        Assert.That(options.DryRun && options.Tree && options.Description, Is.True);
        Assert.That(options.Verbosity, Is.EqualTo(Verbosity.Quiet));
    }

    [Test]
    public void Should_Refuse_An_Unknown_Option_With_A_Suggestion()
    {
        Assert.That(Refused("--exclusiv"), Is.EqualTo("Unknown option '--exclusiv'. Did you mean '--exclusive'? Run with --help to see the options."));
    }

    [Test]
    public void Should_Refuse_An_Option_No_Task_Declares()
    {
        Assert.That(Refused("--learning-rate=0.1"), Is.EqualTo("Unknown option '--learning-rate'. Run with --help to see the options."));
    }

    [Test]
    public void Should_Suggest_Target_For_A_Bare_Word()
    {
        Assert.That(Refused("Train"), Is.EqualTo("Unexpected argument 'Train'. To run a task, use --target=Train. Run with --help to see the options."));
    }

    [Test]
    public void Should_Refuse_An_Option_Without_Its_Value()
    {
        Assert.That(Refused("--target"), Is.EqualTo("Option '--target' needs a value: --target=<value>."));
    }

    [Test]
    public void Should_Refuse_A_Repeated_Option_Other_Than_Target()
    {
        Assert.That(Refused("--path=a", "--path=b"), Is.EqualTo("Option '--path' is given 2 times; give it once."));
    }

    [Test]
    public void Should_Refuse_A_Bad_Verbosity()
    {
        Assert.That(Refused("--verbosity=loud"), Is.EqualTo("Verbosity 'loud' is not known; use quiet, minimal, normal, verbose or diagnostic."));
    }

    [Test]
    public void Should_Refuse_A_Value_For_A_Switch()
    {
        Assert.That(Refused("--force=yes"), Is.EqualTo("Option '--force' is a switch; give it alone or as --force=true|false, not 'yes'."));
    }
}
