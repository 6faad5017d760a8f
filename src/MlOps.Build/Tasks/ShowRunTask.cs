using System.Globalization;
using MlOps.Build.Host;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("ShowRun")]
[TaskDescription("Show one run: status, params, metrics with their history, tags, artifacts and the trials of its sweep.")]
[TaskArgument("run", "A version (v2, 2, latest, an alias) or a run id prefix (default: latest).")]
internal sealed class ShowRunTask(IAnsiConsole console) : BuildTask
{
    public override void Run(BuildContext context)
    {
        using var store = TrackingStore.Open(context.Store);
        var run = RunReference.Resolve(store, context.Pipeline.Name, context.Argument("run") ?? "latest");
        var versions = store.Registry.Models().Where(m => m.Name == run.Experiment).SelectMany(m => m.Versions).Where(v => v.RunId == run.Id);
        var summary = new Grid().AddColumns(2)
            .AddRow("Run", run.Id)
            .AddRow("Experiment", Markup.Escape(run.Experiment))
            .AddRow("Status", run.Status.ToString())
            .AddRow("Started", run.Start.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .AddRow("Duration", run.Duration is { } duration ? $"{duration.TotalSeconds:0.00}s" : "-")
            .AddRow("Versions", Markup.Escape(string.Join(", ", versions.Select(v => $"{v.DisplayName} [{string.Join(", ", v.Aliases)}]"))));
        console.Write(summary);
        console.Write(Pairs("Param", run.Params));
        var metrics = new Table().AddColumns("Metric", "Value", "History (by step)");
        foreach (var (name, value) in run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var history = store.Runs.MetricHistory(run.Id, name);
            var steps = history.Count > 1 ? string.Join("  ", history.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Step}: {p.Value:0.0000}"))) : "";
            metrics.AddRow(Markup.Escape(name), value.ToString("0.0000", CultureInfo.InvariantCulture), steps);
        }

        console.Write(metrics);
        console.Write(Pairs("Tag", run.Tags));
        var artifacts = new Table().AddColumns("Artifact", "Bytes", "sha256");
        foreach (var artifact in run.Artifacts)
        {
            artifacts.AddRow(Markup.Escape(artifact.Name), artifact.Size.ToString("N0", CultureInfo.InvariantCulture), artifact.Sha256);
        }

        console.Write(artifacts);
        var sweep = SweepHistory.Of(store, run);
        if (sweep is not null)
        {
            console.Write(SweepTable.Of(sweep));
        }

        context.Note($"run {run.Id[..8]}, {run.Status.ToString().ToLowerInvariant()}" + (sweep is null ? "" : $", {sweep.Counts}"));
    }

    private static Table Pairs(string what, IReadOnlyDictionary<string, string> values)
    {
        var table = new Table().AddColumns(what, "Value");
        foreach (var (name, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        return table;
    }
}
