using MlOps.Build.Host;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("Compare")]
[TaskDescription("Show how two runs differ in parameters, metrics and sweeps (default: the last two finished runs), like `dvc metrics diff`.")]
[TaskArgument("from", "The baseline: a version (v1, 1, an alias) or a run id prefix (default: the run before --to).")]
[TaskArgument("to", "The run to compare: a version or a run id prefix (default: the latest finished run).")]
internal sealed class CompareTask(IAnsiConsole console) : BuildTask
{
    public override void Run(BuildContext context)
    {
        ComparedRuns compared;
        IReadOnlyList<string[]> sweeps;
        using (var store = TrackingStore.Open(context.Store))
        {
            compared = ComparedRuns.Resolve(store, context.Pipeline.Name, context.Argument("from"), context.Argument("to"));
            sweeps = SweepComparison.Rows(SweepHistory.Of(store, compared.Comparison.From), SweepHistory.Of(store, compared.Comparison.To));
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
        if (sweeps.Count > 0)
        {
            console.Write(Table(["Sweep", "From", "To"], sweeps));
        }
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
