using System.Diagnostics;
using Cake.Core;
using Spectre.Console;

namespace MlOps.Build.Host;

/// <summary>
/// The execution strategy handed to Cake's engine: runs (or, for <c>--dryrun</c>, only lists) each
/// task in a group of the CI service's log, prints its header, and records what happened for the closing summary. Several targets
/// run one after the other in the order given, and a task they share runs once.
/// </summary>
internal sealed class TaskRunner(BuildContext context, IAnsiConsole console, bool dryRun, IReadOnlyDictionary<string, BuildTask> tasks, CiService ci)
    : IExecutionStrategy
{
    private readonly List<TaskOutcome> outcomes = [];
    private readonly HashSet<string> finished = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<TaskOutcome> Outcomes => outcomes;

    public async Task ExecuteAsync(CakeTask task, ICakeContext cakeContext)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!finished.Add(task.Name))
        {
            return;
        }

        if (dryRun)
        {
            Header(task.Name);
            try
            {
                if (tasks.TryGetValue(task.Name, out var planned))
                {
                    await planned.PlanAsync(context).ConfigureAwait(false);
                }
            }
            finally
            {
                EndGroup(task.Name);
            }

            outcomes.Add(new TaskOutcome(task.Name, TaskStatus.WouldRun, TimeSpan.Zero));
            return;
        }

        context.ClearTaskState();
        var watch = Stopwatch.StartNew();
        try
        {
            // ShouldRun is asked here, not through Cake's criteria: Cake fails a build whose target
            // is skipped, where a skipped target (nothing to pull, nothing to check) is a success.
            if (tasks.TryGetValue(task.Name, out var buildTask) && !buildTask.ShouldRun(context))
            {
                Skipped(task.Name, context.TaskNote ?? "ShouldRun is false");
                return;
            }

            Header(task.Name);
            try
            {
                await task.Execute(cakeContext).ConfigureAwait(false);
            }
            finally
            {
                EndGroup(task.Name);
            }
        }
        catch (Exception)
        {
            outcomes.Add(new TaskOutcome(task.Name, TaskStatus.Failed, watch.Elapsed));
            throw;
        }

        var status = context.IsUnchanged ? TaskStatus.Unchanged : TaskStatus.Ran;
        outcomes.Add(new TaskOutcome(task.Name, status, watch.Elapsed, context.TaskNote ?? ""));
        if (context.IsUnchanged && context.Log.Verbosity >= Cake.Core.Diagnostics.Verbosity.Normal)
        {
            console.MarkupLineInterpolated($"[green]{task.Name}: unchanged, {context.TaskNote}[/]");
        }
    }

    /// <summary>Cake's criteria are not used (see <see cref="ExecuteAsync"/>); a task skipped by one is still reported.</summary>
    public void Skip(CakeTask task, CakeTaskCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (finished.Add(task.Name))
        {
            Skipped(task.Name, criteria?.Message ?? "");
        }
    }

    private void Skipped(string name, string reason)
    {
        outcomes.Add(new TaskOutcome(name, TaskStatus.Skipped, TimeSpan.Zero, reason));
        context.ClearTaskState();
        if (context.Log.Verbosity >= Cake.Core.Diagnostics.Verbosity.Normal)
        {
            console.MarkupLineInterpolated($"[grey]Skipping {name}{(reason.Length > 0 ? ": " + reason : "")}[/]");
        }
    }

    public void PerformSetup(Action<ISetupContext> action, ISetupContext setupContext)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!dryRun)
        {
            action(setupContext);
        }
    }

    public void PerformTeardown(Action<ITeardownContext> action, ITeardownContext teardownContext)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!dryRun)
        {
            action(teardownContext);
        }
    }

    public Task ReportErrorsAsync(Func<Exception, Task> action, Exception exception) =>
        action?.Invoke(exception) ?? Task.CompletedTask;

    public Task HandleErrorsAsync(Func<Exception, ICakeContext, Task> action, Exception exception, ICakeContext cakeContext) =>
        action?.Invoke(exception, cakeContext) ?? Task.CompletedTask;

    public Task InvokeFinallyAsync(Func<ICakeContext, Task> action, ICakeContext cakeContext) =>
        dryRun || action is null ? Task.CompletedTask : action(cakeContext);

    public void PerformTaskSetup(Action<ITaskSetupContext> action, ITaskSetupContext taskSetupContext)
    {
        if (!dryRun)
        {
            action?.Invoke(taskSetupContext);
        }
    }

    public void PerformTaskTeardown(Action<ITaskTeardownContext> action, ITaskTeardownContext taskTeardownContext)
    {
        if (!dryRun)
        {
            action?.Invoke(taskTeardownContext);
        }
    }

    /// <summary>Opens the task's group in the CI service's log (closed by <see cref="EndGroup"/>), then prints its header.</summary>
    private void Header(string name)
    {
        if (ci.StartGroup(name) is { } start)
        {
            console.Profile.Out.Writer.WriteLine(start);
        }

        if (context.Log.Verbosity >= Cake.Core.Diagnostics.Verbosity.Normal)
        {
            console.MarkupLineInterpolated($"[bold]==> {name}[/]");
        }
    }

    private void EndGroup(string name)
    {
        if (ci.EndGroup(name) is { } end)
        {
            console.Profile.Out.Writer.WriteLine(end);
        }
    }
}
