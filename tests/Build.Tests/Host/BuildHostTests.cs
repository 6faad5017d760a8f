using Microsoft.Extensions.DependencyInjection;
using MlOps.Build.Host;
using MlOps.Testing;
using Spectre.Console;

namespace MlOps.Build.Tests.Host;

public sealed partial class BuildHostTests
{
    private sealed record Run(int ExitCode, string Output, string Errors, Journal Journal);

    private static async Task<Run> RunAsync(Action<BuildHost> configure, params string[] args)
    {
        using var temp = new TempDirectory();
        var journal = new Journal();
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var host = new BuildHost().ConfigureServices(s => s.AddSingleton(journal));
        configure(host);
        var code = await host.RunAsync(args, temp.Path, console, errors);
        return new Run(code, output.ToString(), errors.ToString(), journal);
    }

    private static void Pipeline(BuildHost host) => host
        .AddTask<PrepareTask>().AddTask<TrainTask>().AddTask<OptionalTask>().AddTask<PublishTask>()
        .AddTask<BrokenTask>().AddTask<RecoveringTask>().AddTask<GateTask>().AddTask<ArgsTask>().AddTask<ReuseTask>()
        .UseLifetime<RecordingLifetime>();

    [Test]
    public async Task Should_Run_Dependencies_First_Between_Setup_And_Teardown()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Train");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Prepare", "Train", "Teardown (successful: True)" }));
        Assert.That(run.Output, Does.Contain("==> Prepare").And.Contains("==> Train"));
        Assert.That(run.Output, Does.Match(@"Prepare\s+ran\s+\d+\.\d\ds"));
    }

    [Test]
    public async Task Should_Skip_A_Task_Whose_ShouldRun_Is_False_And_Go_On()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Publish");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Prepare", "Train", "Publish", "Teardown (successful: True)" }));
        Assert.That(run.Output, Does.Contain("Skipping Optional: nothing to do"));
        Assert.That(run.Output, Does.Match(@"Optional\s+skipped\s+0\.00s\s+nothing to do"));
    }

    [Test]
    public async Task Should_Succeed_When_The_Target_Itself_Is_Skipped()
    {
        // When: Cake would fail here ("Could not reach target"); nothing to do is not a failure.
        var run = await RunAsync(Pipeline, "--target=Optional");

        // Then
        Assert.That(run.ExitCode, Is.Zero, run.Errors);
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Teardown (successful: True)" }));
        Assert.That(run.Output, Does.Match(@"Optional\s+skipped\s+0\.00s\s+nothing to do"));
    }

    [Test]
    public async Task Should_Run_Only_The_Target_When_Exclusive()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Publish", "--exclusive");

        // Then
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Publish", "Teardown (successful: True)" }));
    }

    [Test]
    public async Task Should_Run_Repeated_Targets_In_Order_And_Shared_Tasks_Once()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Prepare", "--target=Publish", "--target=Train");

        // Then
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Prepare", "Train", "Publish", "Teardown (successful: True)" }));
    }

    [Test]
    public async Task Should_Run_No_Task_Body_Setup_Or_Teardown_On_A_Dry_Run()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Publish", "--dryrun");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Journal, Is.Empty);
        Assert.That(run.Output, Does.Match(@"Optional\s+would run").And.Match(@"Publish\s+would run"));
    }

    [Test]
    public async Task Should_Call_OnError_And_Finally_And_Exit_1_When_A_Task_Fails()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Broken");

        // Then
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Journal, Is.EqualTo(new[] { "Setup", "Prepare", "OnError: the disk is full", "Finally", "Teardown (successful: False)" }));
        Assert.That(run.Errors, Is.EqualTo("Error: the disk is full" + Environment.NewLine));
        Assert.That(run.Output, Does.Match(@"Broken\s+failed"));
    }

    [Test]
    public async Task Should_Go_On_When_OnError_Handles_The_Failure()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Recovering");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Journal, Does.Contain("handled"));
        Assert.That(run.Output, Does.Match(@"Recovering\s+failed"));
    }

    [Test]
    public async Task Should_Print_The_Stack_Trace_Only_At_Diagnostic_Verbosity()
    {
        // When
        var normal = await RunAsync(Pipeline, "--target=Broken");
        var diagnostic = await RunAsync(Pipeline, "--target=Broken", "--verbosity=diagnostic");

        // Then
        Assert.That(normal.Errors, Does.Not.Contain("   at "));
        Assert.That(diagnostic.Errors, Does.StartWith("Error: the disk is full").And.Contain("   at "));
    }

    [Test]
    public async Task Should_Exit_3_When_A_Quality_Gate_Refuses()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Gate");

        // Then
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Errors, Is.EqualTo("Error: AUC 0.71 is below the threshold 0.80" + Environment.NewLine));
    }

    [Test]
    public async Task Should_Exit_2_And_List_Tasks_For_An_Unknown_Target()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Deplyo");

        // Then
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Errors, Does.StartWith("Error: Task 'Deplyo' does not exist. Available tasks: Args, Broken, Gate, Optional, Prepare, Publish, Recovering, Reuse, Train."));
        Assert.That(run.Journal, Is.Empty);
    }

    [Test]
    public async Task Should_Exit_2_Naming_The_Cycle()
    {
        // When
        var run = await RunAsync(h => h.AddTask<LoopATask>().AddTask<LoopBTask>(), "--target=LoopA");

        // Then
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Errors, Does.StartWith("Error: Circular dependency: LoopA -> LoopB -> LoopA."));
    }

    [Test]
    public async Task Should_Give_Tasks_Their_Declared_Arguments()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Args", "--path=data/x.csv", "--force");

        // Then
        Assert.That(run.Journal, Does.Contain("path=data/x.csv force=True cake=data/x.csv"));
    }

    [Test]
    public async Task Should_Show_Unchanged_Tasks_With_Their_Reason()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Reuse");

        // Then
        Assert.That(run.Output, Does.Contain("Reuse: unchanged, reusing run 7f3a"));
        Assert.That(run.Output, Does.Match(@"Reuse\s+unchanged\s+\d+\.\d\ds\s+reusing run 7f3a"));
    }

    [Test]
    public async Task Should_Print_Only_Errors_When_Quiet()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Train", "--verbosity=quiet");

        // Then
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Journal, Does.Contain("Train"));
    }

    [Test]
    public async Task Should_Show_The_Tree_Of_The_Target()
    {
        // When
        var run = await RunAsync(Pipeline, "--target=Publish", "--tree");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Journal, Is.Empty);
        Assert.That(run.Output, Is.EqualTo("Publish\n├── Optional\n└── Train\n    └── Prepare\n"));
    }

    [Test]
    public async Task Should_Show_Help_With_Task_Options()
    {
        // When
        var run = await RunAsync(Pipeline, "--help");

        // Then
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("--path=<value>").And.Contain("A path. (Args)").And.Contain("Exit codes: 0 success"));
    }
}
