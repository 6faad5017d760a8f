using Cake.Core;
using MlOps.Build.Host;
using MlOps.Tasks;

namespace MlOps.Build.Tests.Host;

/// <summary>The tasks and lifetime the host tests run: each writes what it does to a journal.</summary>
public sealed partial class BuildHostTests
{
    /// <summary>What the tasks under test did, in order.</summary>
    private sealed class Journal : List<string>;

    [TaskName("Prepare")]
    private sealed class PrepareTask(Journal journal) : BuildTask
    {
        public override void Run(BuildContext context) => journal.Add("Prepare");
    }

    [TaskName("Train")]
    [IsDependentOn(typeof(PrepareTask))]
    private sealed class TrainTask(Journal journal) : BuildTask
    {
        public override async Task RunAsync(BuildContext context)
        {
            await Task.Yield();
            journal.Add("Train");
        }
    }

    [TaskName("Reuse")]
    private sealed class ReuseTask : BuildTask
    {
        public override void Run(BuildContext context) => context.ReportUnchanged("reusing run 7f3a");
    }

    [TaskName("Optional")]
    private sealed class OptionalTask(Journal journal) : BuildTask
    {
        public override bool ShouldRun(BuildContext context)
        {
            context.Note("nothing to do");
            return false;
        }

        public override void Run(BuildContext context) => journal.Add("Optional");
    }

    [TaskName("Publish")]
    [IsDependentOn(typeof(OptionalTask))]
    [IsDependentOn(typeof(TrainTask))]
    private sealed class PublishTask(Journal journal) : BuildTask
    {
        public override void Run(BuildContext context) => journal.Add("Publish");
    }

    [TaskName("Broken")]
    [IsDependentOn(typeof(PrepareTask))]
    private sealed class BrokenTask(Journal journal) : BuildTask
    {
        public override void Run(BuildContext context) => throw new InvalidOperationException("the disk is full");

        public override void OnError(Exception exception, BuildContext context)
        {
            journal.Add($"OnError: {exception.Message}");
            throw exception;
        }

        public override void Finally(BuildContext context) => journal.Add("Finally");
    }

    [TaskName("Recovering")]
    private sealed class RecoveringTask(Journal journal) : BuildTask
    {
        public override void Run(BuildContext context) => throw new InvalidOperationException("flaky");

        public override void OnError(Exception exception, BuildContext context) => journal.Add("handled");
    }

    [TaskName("Gate")]
    private sealed class GateTask : BuildTask
    {
        public override void Run(BuildContext context) => throw new QualityGateException("AUC 0.71 is below the threshold 0.80");
    }

    [TaskName("Args")]
    [TaskArgument("path", "A path.")]
    private sealed class ArgsTask(Journal journal) : BuildTask
    {
        public override void Run(BuildContext context) => journal.Add($"path={context.Argument("path")} force={context.Force} cake={context.Arguments.GetArgument("path")}");
    }

    [IsDependentOn(typeof(LoopBTask))]
    private sealed class LoopATask : BuildTask;

    [IsDependentOn(typeof(LoopATask))]
    private sealed class LoopBTask : BuildTask;

    private sealed class RecordingLifetime(Journal journal) : BuildLifetime
    {
        public override void Setup(BuildContext context, ISetupContext info) => journal.Add("Setup");

        public override void Teardown(BuildContext context, ITeardownContext info) =>
            journal.Add($"Teardown (successful: {info.Successful})");
    }
}
