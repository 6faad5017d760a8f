using System.Globalization;
using Spectre.Console;

namespace MlOps.Build.Host;

/// <summary>
/// What the host prints besides the tasks' own output: help and task list as plain text (never
/// wrapped, so they can be grepped), tree and summary through Spectre.Console.
/// </summary>
internal static class ConsoleReports
{
    public static void Help(TextWriter console, TaskGraph graph)
    {
        console.WriteLine("Usage: ./build.sh [--target=<task>]... [options]");
        console.WriteLine();
        console.WriteLine("Options:");
        foreach (var (name, (takesValue, help)) in CommandLine.Options)
        {
            console.WriteLine($"  --{name + (takesValue ? "=<value>" : ""),-24} {help}");
        }

        var arguments = graph.Tasks.SelectMany(t => t.Arguments.Select(a => (Task: t.Name, Argument: a))).ToList();
        if (arguments.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Task options:");
            foreach (var (task, argument) in arguments)
            {
                console.WriteLine($"  --{argument.Name + "=<value>",-24} {argument.Description} ({task})");
            }
        }

        console.WriteLine();
        Descriptions(console, graph);
        console.WriteLine();
        console.WriteLine("Exit codes: 0 success, 1 a task failed, 2 bad usage or input file, 3 a quality gate refused.");
    }

    public static void Descriptions(TextWriter console, TaskGraph graph)
    {
        console.WriteLine("Tasks:");
        var width = graph.Tasks.Max(t => t.Name.Length);
        foreach (var task in graph.Tasks)
        {
            console.WriteLine($"  {task.Name.PadRight(width)}  {task.Description}");
        }
    }

    public static void Tree(IAnsiConsole console, TaskGraph graph, IEnumerable<string> targets)
    {
        foreach (var target in targets)
        {
            var root = new Tree(Label(graph[target]));
            AddDependencies(root.AddNode, graph, graph[target].Name);
            console.Write(root);
        }
    }

    public static void Summary(IAnsiConsole console, IReadOnlyList<TaskOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Task").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Note");
        foreach (var outcome in outcomes)
        {
            table.AddRow(
                Markup.Escape(outcome.Task),
                Status(outcome.Status),
                Duration(outcome.Duration),
                Markup.Escape(outcome.Note));
        }

        var total = outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration);
        table.AddRow("[bold]Total[/]", "", $"[bold]{Duration(total)}[/]", "");
        console.Write(table);
    }

    private static string Label(TaskDefinition task) =>
        Markup.Escape(task.Description.Length == 0 ? task.Name : $"{task.Name} — {task.Description}");

    private static void AddDependencies(Func<string, TreeNode> add, TaskGraph graph, string name)
    {
        foreach (var dependency in graph.DependenciesOf(name))
        {
            var node = add(Label(graph[dependency]));
            AddDependencies(node.AddNode, graph, dependency);
        }
    }

    private static string Status(TaskStatus status) => status switch
    {
        TaskStatus.Ran => "[green]ran[/]",
        TaskStatus.Unchanged => "[green]unchanged[/]",
        TaskStatus.Skipped => "[grey]skipped[/]",
        TaskStatus.Failed => "[red]failed[/]",
        _ => "[grey]would run[/]",
    };

    internal static string Duration(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.00s", CultureInfo.InvariantCulture)
            : duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
