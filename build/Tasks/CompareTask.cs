using System.Globalization;
using MlOps.Build.Host;
using MlOps.Tasks;
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
        using var store = TrackingStore.Open(context.StoreFolder);
        var model = context.Pipeline.Name;
        var finished = store.Runs.InExperiment(model).Where(r => r.Status == RunStatus.Finished).ToList();
        var to = context.Argument("to") is { } toReference ? RunReference.Resolve(store, model, toReference)
            : finished.FirstOrDefault() ?? throw new UsageException($"'{model}' has no finished run yet; run ./build.sh --target=Train.");
        var from = context.Argument("from") is { } fromReference ? RunReference.Resolve(store, model, fromReference)
            : finished.FirstOrDefault(r => r.Start < to.Start)
                ?? throw new UsageException($"'{model}' has no finished run before {to.Id[..8]} to compare with; give --from=<version or run id>.");
        var comparison = RunComparison.Of(from, to);
        console.WriteLine($"Comparing run {Name(store, model, from)} -> {Name(store, model, to)}");
        Write(comparison);
        var auc = comparison.Metrics.FirstOrDefault(m => m.Name == "auc")?.Change;
        context.Note($"{comparison.Params.Count} params differ" + (auc is { } change ? string.Create(CultureInfo.InvariantCulture, $", auc {change:+0.0000;-0.0000;0}") : ""));
    }

    private void Write(RunComparison comparison)
    {
        var parameters = new Table().AddColumns("Param", "From", "To");
        foreach (var parameter in comparison.Params)
        {
            parameters.AddRow(Markup.Escape(parameter.Name), Markup.Escape(parameter.From ?? "-"), Markup.Escape(parameter.To ?? "-"));
        }

        var metrics = new Table().AddColumns("Metric", "From", "To", "Change");
        foreach (var metric in comparison.Metrics)
        {
            metrics.AddRow(Markup.Escape(metric.Name), Number(metric.From, "0.0000"), Number(metric.To, "0.0000"), Number(metric.Change, "+0.0000;-0.0000;0"));
        }

        if (comparison.Params.Count == 0)
        {
            console.WriteLine("Parameters: identical.");
        }
        else
        {
            console.Write(parameters);
        }

        console.Write(metrics);
    }

    private static string Name(TrackingStore store, string model, RunRecord run) =>
        store.Registry.Models().FirstOrDefault(m => m.Name == model)?.Versions.LastOrDefault(v => v.RunId == run.Id) is { } version
            ? $"{run.Id[..8]} (v{version.Version})" : run.Id[..8];

    private static string Number(double? value, string format) =>
        value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "-";
}
