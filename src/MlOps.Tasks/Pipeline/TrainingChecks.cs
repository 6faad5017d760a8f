using MlOps.Models.Training;

namespace MlOps.Tasks.Pipeline;

/// <summary>Checks the training section against the trainer catalog and the schema, naming the line to fix.</summary>
internal static class TrainingChecks
{
    /// <exception cref="InvalidFileException">A trainer, parameter or value is wrong.</exception>
    public static void Check(TrainingSection training, SchemaSection? schema)
    {
        if (!TrainerCatalog.Names.Contains(training.Trainer))
        {
            throw new InvalidFileException(training.LocationOf("trainer")!,
                $"Unknown trainer '{training.Trainer}' in 'training.trainer'.{Hint(training.Trainer, TrainerCatalog.Names)} "
                + $"Expected one of: {string.Join(", ", TrainerCatalog.Names)}.");
        }

        var parameters = TrainerCatalog.Parameters(training.Trainer).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, value) in training.Parameters)
        {
            var location = training.LocationOf($"parameters.{name}")!;
            if (!parameters.TryGetValue(name, out var parameter))
            {
                throw new InvalidFileException(location,
                    $"Trainer '{training.Trainer}' has no parameter '{name}'.{Hint(name, parameters.Keys.ToList())} Its parameters: {string.Join(", ", parameters.Keys)}.");
            }

            if (!parameter.TryParse(value, out var parsed))
            {
                throw new InvalidFileException(location, $"'training.parameters.{name}' must be {parameter.Expected}, not '{value}'.");
            }

            if (!parameter.InRange(parsed!))
            {
                throw new InvalidFileException(location, $"'training.parameters.{name}' must be {parameter.Range} for {training.Trainer}, not {value}.");
            }
        }

        CheckNumbers(training);
        foreach (var column in training.Exclude.Where(c => schema is null || schema.Columns.All(s => s.Name != c) || c == schema.Label))
        {
            var why = schema is not null && column == schema.Label ? "is the label" : "is not in schema.columns";
            throw new InvalidFileException(training.LocationOf("exclude")!, $"'training.exclude' names '{column}', which {why}.");
        }

        if (training.Sweep is { } sweep)
        {
            SweepChecks.Check(training, sweep);
        }
    }

    private static void CheckNumbers(TrainingSection training)
    {
        if (training.TestFraction is <= 0 or >= 1)
        {
            throw new InvalidFileException(training.LocationOf("test_fraction")!,
                $"'training.test_fraction' must be between 0 and 1 (e.g. 0.2 holds out a fifth of the rows), not {training.TestFraction}.");
        }

        if (training.Folds is 1 or < 0 or > TrainingSection.MaxFolds)
        {
            throw new InvalidFileException(training.LocationOf("folds")!,
                $"'training.folds' must be 0 (no cross-validation) or between 2 and {TrainingSection.MaxFolds}, not {training.Folds}.");
        }

        if (training.MaxOneHot < 1)
        {
            throw new InvalidFileException(training.LocationOf("max_one_hot")!, $"'training.max_one_hot' must be at least 1, not {training.MaxOneHot}.");
        }
    }

    // A near spelling, else the one name that contains the word ("leaves" -> "number_of_leaves").
    private static string Hint(string word, IReadOnlyCollection<string> candidates) =>
        (Spelling.Closest(word, candidates) ?? Containing(word, candidates)) is { } suggestion ? $" Did you mean '{suggestion}'?" : "";

    private static string? Containing(string word, IReadOnlyCollection<string> candidates) =>
        candidates.Where(c => c.Contains(word, StringComparison.Ordinal)).ToList() is [var only] ? only : null;
}
