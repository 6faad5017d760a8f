using System.Globalization;
using MlOps.Build.Host;
using MlOps.Tasks.Tracking;
using Spectre.Console;

namespace MlOps.Build.Tasks;

[TaskName("Models")]
[TaskDescription("List the registered models: versions, aliases, the runs that made them and their test metrics.")]
internal sealed class ModelsTask(IAnsiConsole console) : BuildTask
{
    public override void Run(BuildContext context)
    {
        var location = context.Store;
        using var store = TrackingStore.Open(location);
        var models = store.Registry.Models();
        if (models.Count == 0)
        {
            // A folder store is named by its folder, as --store names it; any other by its database.
            var where = location == StoreLocation.InFolder(location.Folder) ? Path.GetRelativePath(context.RepositoryRoot, location.Folder) : location.Display;
            console.WriteLine($"No registered models in {where} yet; run ./build.sh --target=Train.");
            return;
        }

        foreach (var model in models)
        {
            var table = new Table { Title = new TableTitle(model.Name) }
                .AddColumns("Version", "Name", "Aliases", "Run", "auc", "accuracy", "Registered", "By");
            foreach (var version in model.Versions.Reverse())
            {
                var metrics = store.Runs.GetRun(version.RunId).Metrics;
                table.AddRow(Markup.Escape($"v{version.Version}"), Markup.Escape(version.DisplayName), Markup.Escape(string.Join(", ", version.Aliases)),
                    version.RunId[..8], Format(metrics, "auc"), Format(metrics, "accuracy"),
                    version.Created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(version.RegisteredBy));
            }

            console.Write(table);
            foreach (var move in store.Registry.AliasHistory(model.Name).TakeLast(5))
            {
                var from = move.FromVersion is { } was ? $"v{was}" : "none";
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {move.Moved:yyyy-MM-dd HH:mm:ss} {move.Alias}: {from} -> v{move.ToVersion} by {move.By}{(move.Reason is null ? "" : $" ({move.Reason})")}"));
            }
        }

        context.Note($"{models.Count} model{(models.Count == 1 ? "" : "s")}, {models.Sum(m => m.Versions.Count)} versions");
    }

    private static string Format(IReadOnlyDictionary<string, double> metrics, string name) =>
        metrics.TryGetValue(name, out var value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "";
}
