using MlOps.Models.Training;

namespace MlOps.Tasks.Pipeline;

/// <summary>Checks one searched parameter: a non-empty list of valid choices, or a range that is not inverted or empty and lies in the parameter's.</summary>
internal static class SearchRangeChecks
{
    /// <exception cref="InvalidFileException">The range or a choice is wrong.</exception>
    public static void Check(SweepSection sweep, string path, TrainerParameter parameter, SearchRangeSection range)
    {
        if (range.Choice is { } choices)
        {
            CheckChoices(path, parameter, range, choices);
            return;
        }

        var location = range.Location!;
        if (!parameter.IsNumber)
        {
            throw new InvalidFileException(location, $"'{path}' is {parameter.Expected}; search it with choice: [...], not a range.");
        }

        if (range.Low is not { } low || range.High is not { } high)
        {
            throw new InvalidFileException(location, $"'{path}' needs low and high (a range), or choice: [...] (a list of values).");
        }

        Fail(range, "high", low > high, $"'{path}' is inverted: low {Text(low)} is above high {Text(high)}.");
        var largest = parameter.IsWhole ? int.MaxValue : (double)float.MaxValue;
        foreach (var (key, value) in new[] { ("low", low), ("high", high), ("step", range.Step ?? 1) })
        {
            Fail(range, key, !double.IsFinite(value) || Math.Abs(value) > largest, $"'{path}.{key}' must be a number of at most {Text(largest)}, not {Text(value)}.");
        }

        foreach (var (key, value) in new[] { ("low", low), ("high", high) })
        {
            Fail(range, key, !parameter.InRange(value), $"'{path}.{key}' must be {parameter.Range} for this parameter, not {Text(value)}.");
            Fail(range, key, parameter.IsWhole && value != Math.Floor(value), $"'{path}.{key}' must be a whole number ({parameter.Name} is one), not {Text(value)}.");
        }

        Fail(range, "log", range.Log && low <= 0, $"'{path}' is searched on a log scale, so low must be above 0, not {Text(low)}.");
        if (range.Step is { } step)
        {
            Fail(range, "step", range.Log, $"'{path}' has both log and step; use one (as Optuna does).");
            Fail(range, "step", step <= 0, $"'{path}.step' must be above 0, not {Text(step)}.");
            Fail(range, "step", parameter.IsWhole && step != Math.Floor(step), $"'{path}.step' must be a whole number ({parameter.Name} is one), not {Text(step)}.");
        }
        else
        {
            Fail(range, "low", sweep.Sampler == SweepSampler.Grid && !parameter.IsWhole,
                $"'{path}' needs a step, or choice: [...], for a grid sweep: a grid tries listed values only.");
        }
    }

    private static void CheckChoices(string path, TrainerParameter parameter, SearchRangeSection range, IReadOnlyList<string> choices)
    {
        var location = range.LocationOf("choice")!;
        Fail(range, "choice", range.Low is not null || range.High is not null, $"'{path}' has both choice and a range; use one.");
        if (choices.Count == 0)
        {
            throw new InvalidFileException(location, $"'{path}.choice' is empty; list at least one value.");
        }

        foreach (var choice in choices)
        {
            if (!parameter.TryParse(choice, out var value) || !parameter.InRange(value!))
            {
                var expected = parameter.TryParse(choice, out _) ? $"{parameter.Range}" : parameter.Expected;
                throw new InvalidFileException(location, $"'{path}.choice' holds '{choice}'; {parameter.Name} must be {expected}.");
            }
        }

        var values = choices.Select(c => parameter.TryParse(c, out var value) ? value : c).ToList();
        Fail(range, "choice", values.Distinct().Count() != values.Count, $"'{path}.choice' lists a value twice.");
    }

    private static void Fail(SearchRangeSection range, string key, bool failed, string problem)
    {
        if (failed)
        {
            throw new InvalidFileException(range.LocationOf(key)!, problem);
        }
    }

    private static string Text(double value) => SweepChecks.Text(value);
}
