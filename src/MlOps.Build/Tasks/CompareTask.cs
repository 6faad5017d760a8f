using MlOps.Build.Host;
using MlOps.Tasks.Tracking;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("Compare")]
[TaskDescription("Show how two runs differ in parameters and metrics (default: the last two finished runs), like `dvc metrics diff`.")]
[TaskArgument("from", "The baseline: a version (v1, 1, an alias) or a run id prefix (default: the run before --to).")]
[TaskArgument("to", "The run to compare: a version or a run id prefix (default: the latest finished run).")]
internal sealed class CompareTask(IAnsiConsole console) : BuildTask
{
    public override void Run(BuildContext context)
    {
        ComparedRuns compared;
        using (var store = TrackingStore.Open(context.Store))
        {
            compared = ComparedRuns.Resolve(store, context.Pipeline.Name, context.Argument("from"), context.Argument("to"));
        }

        console.WriteLine($"Comparing run {compared.FromName} -> {compared.ToName}");
        if (compared.ParamRows.Count == 0)
        {
            console.WriteLine("Parameters: identical.");
        }
        else
        {
            console.Write(Table(["Param", "From", "To"], compared.ParamRows));
        }

        console.Write(Table(["Metric", "From", "To", "Change"], compared.MetricRows));
        context.Note(compared.Note);
    }

    private static Table Table(string[] columns, IEnumerable<string[]> rows)
    {
        var table = new Table().AddColumns(columns);
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }
}
