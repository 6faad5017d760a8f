using System.Globalization;
using MlOps.Models.Training;

namespace MlOps.Tasks.Pipeline;

/// <summary>Checks <c>training.sweep</c>: the objective, the budget and every searched range against the trainers' parameters.</summary>
internal static class SweepChecks
{
    /// <exception cref="InvalidFileException">A value is wrong; the message names its line.</exception>
    public static void Check(TrainingSection training, SweepSection sweep)
    {
        if (!GateMetrics.Names.Contains(sweep.Objective))
        {
            var hint = Spelling.Closest(sweep.Objective, GateMetrics.Names) is { } near ? $" Did you mean '{near}'?" : "";
            throw new InvalidFileException(sweep.LocationOf("objective")!,
                $"'training.sweep.objective' names no metric: '{sweep.Objective}'.{hint} Expected one of: {string.Join(", ", GateMetrics.Names)}.");
        }

        Require(sweep, "trials", sweep.Trials is null or >= 1, $"must be at least 1 (the most trials to run), not {sweep.Trials}");
        Require(sweep, "timeout", sweep.Timeout is null or (> 0 and <= MaxTimeout),
            $"must be a number of seconds above 0 and at most {MaxTimeout} (a year), not {Text(sweep.Timeout ?? 0)}");
        Require(sweep, "folds", sweep.Folds is >= 2 and <= TrainingSection.MaxFolds,
            $"must be between 2 and {TrainingSection.MaxFolds} (each trial is scored by cross-validation on the training rows), not {sweep.Folds}");
        Require(sweep, "parallel", sweep.Parallel is >= 1 and <= MaxParallel, $"must be between 1 and {MaxParallel} (trials run at once), not {sweep.Parallel}");
        CheckThreads(training, sweep);
        if (sweep.Space.Count == 0)
        {
            throw new InvalidFileException(sweep.LocationOf("space")!,
                $"'training.sweep.space' is empty; name a trainer and the parameters to search, e.g. lightgbm: {{ learning_rate: {{ low: 0.01, high: 0.3, log: true }} }}.");
        }

        foreach (var (trainer, ranges) in sweep.Space)
        {
            CheckTrainer(sweep, trainer, ranges);
        }

        var combinations = sweep.Space.Values.Sum(ranges => ranges.Values.Aggregate(1.0, (product, range) => product * Values(range)));
        if (sweep.Sampler == SweepSampler.Grid && combinations > MaxGrid)
        {
            var size = string.Create(CultureInfo.InvariantCulture, $"{combinations:N0} combinations, more than {MaxGrid:N0}");
            throw new InvalidFileException(sweep.LocationOf("space")!,
                $"'training.sweep.space' is a grid of {size}; give the ranges larger steps or fewer choices, or use sampler: random or tpe with a trial budget.");
        }
    }

    /// <summary>The longest timeout, in seconds: a year.</summary>
    public const int MaxTimeout = 31_536_000;

    /// <summary>The most trials in a batch: each batch is sampled before it runs.</summary>
    public const int MaxParallel = 64;

    // LightGBM's threads are set for the whole process: parallel trials with their own thread counts can crash it, not fail a trial.
    private static void CheckThreads(TrainingSection training, SweepSection sweep)
    {
        foreach (var (trainer, ranges) in sweep.Space.Where(s => s.Value.ContainsKey("number_of_threads")))
        {
            throw new InvalidFileException(ranges["number_of_threads"].Location ?? sweep.LocationOf("space")!,
                $"'training.sweep.space.{trainer}.number_of_threads' cannot be searched: it changes the speed, not the model; set it in training.parameters.");
        }

        if (sweep.Parallel > 1 && training.Parameters.TryGetValue("number_of_threads", out var threads) && threads != "1")
        {
            throw new InvalidFileException(training.LocationOf("parameters.number_of_threads")!,
                $"'training.parameters.number_of_threads' is {threads} while 'training.sweep.parallel' runs {sweep.Parallel} trials at once; "
                + "parallel trials each run one thread: set one of them to 1.");
        }
    }

    /// <summary>The most combinations a grid may have: its order is shuffled in memory, an int each.</summary>
    public const int MaxGrid = 1_000_000;

    // The values a checked range of a grid takes: its choices, or low, low + step, ... up to high (a whole-number range steps by 1).
    private static double Values(SearchRangeSection range) =>
        range.Choice?.Count ?? Math.Floor((range.High!.Value - range.Low!.Value) / (range.Step ?? 1) + 1e-9) + 1;

    private static void CheckTrainer(SweepSection sweep, string trainer, IReadOnlyDictionary<string, SearchRangeSection> ranges)
    {
        var location = sweep.LocationOf($"space.{trainer}")!;
        if (!TrainerCatalog.Names.Contains(trainer))
        {
            var hint = Spelling.Closest(trainer, TrainerCatalog.Names) is { } near ? $" Did you mean '{near}'?" : "";
            throw new InvalidFileException(location,
                $"'training.sweep.space' names an unknown trainer '{trainer}'.{hint} Expected one of: {string.Join(", ", TrainerCatalog.Names)}.");
        }

        if (ranges.Count == 0 && sweep.Space.Count == 1)
        {
            throw new InvalidFileException(location,
                $"'training.sweep.space.{trainer}' names no parameter to search; add one, e.g. learning_rate: {{ low: 0.01, high: 0.3, log: true }}.");
        }

        var parameters = TrainerCatalog.Parameters(trainer).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, range) in ranges)
        {
            if (!parameters.TryGetValue(name, out var parameter))
            {
                var hint = Spelling.Closest(name, parameters.Keys.ToList()) is { } near ? $" Did you mean '{near}'?" : "";
                throw new InvalidFileException(range.Location ?? location,
                    $"Trainer '{trainer}' has no parameter '{name}' to search.{hint} Its parameters: {string.Join(", ", parameters.Keys)}.");
            }

            SearchRangeChecks.Check(sweep, $"training.sweep.space.{trainer}.{name}", parameter, range);
        }
    }

    private static void Require(SweepSection sweep, string key, bool valid, string problem)
    {
        if (!valid)
        {
            throw new InvalidFileException(sweep.LocationOf(key)!, $"'training.sweep.{key}' {problem}.");
        }
    }

    internal static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
