using System.Diagnostics;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Monitoring;

/// <summary>Monitor's <c>--retrain</c>: on drift, the whole training pipeline runs again on the current batch.</summary>
internal static class Retraining
{
    /// <summary>
    /// Retrains when asked to and the data or the concept drifted, on <paramref name="batch"/> (the current CSV batch,
    /// relative to the repository; null when the current data is the server's logged inputs, which have no labels).
    /// </summary>
    public static RetrainingDecision Decide(bool requested, DataDrift data, ConceptDrift? concept, string? batch, string pipelineFile, StoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(store);
        if (!requested)
        {
            return new RetrainingDecision(RetrainingAction.NotRequested);
        }

        if (!(data.DatasetDrift || concept?.Detections.Count > 0))
        {
            return new RetrainingDecision(RetrainingAction.NoDrift);
        }

        return batch is null ? new RetrainingDecision(RetrainingAction.NoLabels)
            : new RetrainingDecision(RetrainingAction.Retrain, batch, ["--target=Default", $"--table={batch}", $"--pipeline={pipelineFile}", .. StoreArgument(store)]);
    }

    // The same store for the build program run again: a folder as it was given, an SQLite file as its URI, a PostgreSQL URI as it was
    // given on the command line. One with a password came from MLOPS_STORE, which the build program inherits (--store refuses passwords).
    private static string[] StoreArgument(StoreLocation store) => store.Database switch
    {
        _ when store == StoreLocation.InFolder(store.Folder) => [$"--store={store.Folder}"],
        SqliteDatabase sqlite => [$"--store=sqlite:///{sqlite.Path.Replace("%", "%25", StringComparison.Ordinal)}"],
        PostgresDatabase { Uri: { } uri } => [$"--store={uri}"],
        _ => [],
    };

    /// <summary>What the training pipeline's exit code means for the user.</summary>
    public static string Outcome(int exitCode) => exitCode switch
    {
        0 => "the new version passed the gates and is staging (deploy it with ./build.sh --target=Deploy)",
        3 => "a gate refused the new data or model (above); staging is unchanged",
        _ => $"the training pipeline failed with exit code {exitCode} (above)",
    };

    /// <summary>Carries out <paramref name="decision"/>: says why not, or runs the build program again and waits for it.</summary>
    public static void Run(RetrainingDecision decision, MonitorOptions options)
    {
        switch (decision.Action)
        {
            case RetrainingAction.NoDrift:
                options.Log.Information("Monitor: no drift found; nothing to retrain (--retrain).");
                return;
            case RetrainingAction.NoLabels:
                options.Log.Error(
                    "Monitor: drift found, but the current data is the server's logged inputs, which carry no labels; retrain with --current=<a labelled CSV batch> --retrain.");
                return;
            case RetrainingAction.Retrain:
                break;
            default:
                return;
        }

        var arguments = decision.Arguments!;
        options.Log.Information($"Monitor: drift found; retraining on {decision.Table}: ./build.sh {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo(options.Program.Path) { UseShellExecute = false, WorkingDirectory = options.RepositoryRoot };
        start.Environment[RetrainingProgram.NestedBuildVariable] = "true";
        foreach (var argument in options.Program.Arguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The training pipeline did not start.");
        process.WaitForExit();
        options.Log.Information($"Monitor: retrained on {decision.Table}: {Outcome(process.ExitCode)}.");
    }
}
