
namespace MlOps.Tasks.Pipeline;

/// <summary>Checks the validation section: known metrics, behavioural tests that name schema columns and one kind each.</summary>
internal static class ValidationChecks
{
    /// <exception cref="InvalidFileException">A metric, column or setting is wrong; the message names its place.</exception>
    public static void Check(ValidationSection validation, SchemaSection? schema)
    {
        foreach (var (key, bounds) in new[] { ("min", validation.Min), ("max", validation.Max), ("max_regression", validation.MaxRegression) })
        {
            foreach (var metric in bounds.Keys.Where(m => !GateMetrics.Names.Contains(m)))
            {
                var hint = Spelling.Closest(metric, GateMetrics.Names) is { } close ? $" Did you mean '{close}'?" : "";
                throw new InvalidFileException(validation.LocationOf($"{key}.{metric}")!,
                    $"Unknown metric '{metric}' in 'validation.{key}'.{hint} Expected one of: {string.Join(", ", GateMetrics.Names)}.");
            }
        }

        foreach (var (key, bounds) in new[] { ("min", validation.Min), ("max", validation.Max) })
        {
            foreach (var (metric, limit) in bounds)
            {
                CheckReachable(validation, $"{key}.{metric}", metric, limit);
            }
        }

        foreach (var test in validation.Behaviour)
        {
            CheckBehaviour(test, schema);
        }
    }

    // Every gate metric lies between 0 and 1 but the log-loss, which has no upper end; a limit outside refuses every model.
    private static void CheckReachable(ValidationSection validation, string key, string metric, double limit)
    {
        var (low, high) = metric == "log_loss" ? (0d, double.PositiveInfinity) : (0d, 1d);
        if (limit >= low && limit <= high)
        {
            return;
        }

        var range = double.IsPositiveInfinity(high) ? "at least 0" : "between 0 and 1";
        throw new InvalidFileException(validation.LocationOf(key)!,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'validation.{key}' must be {range}, not {limit}: no model reaches it."));
    }

    /// <exception cref="InvalidFileException">A fairness limit or privileged group names something unknown.</exception>
    public static void Check(FairnessSection fairness, SchemaSection? schema)
    {
        foreach (var (key, bounds, names) in new[] { ("max", fairness.Max, FairnessMetrics.MaxNames), ("min", fairness.Min, FairnessMetrics.MinNames) })
        {
            foreach (var metric in bounds.Keys.Where(m => !names.Contains(m)))
            {
                var hint = Spelling.Closest(metric, names) is { } close ? $" Did you mean '{close}'?" : "";
                throw new InvalidFileException(fairness.LocationOf($"{key}.{metric}")!,
                    $"Unknown fairness limit '{metric}' in 'fairness.{key}'.{hint} Expected one of: {string.Join(", ", names)}.");
            }
        }

        if (fairness.MinGroupSize < 1)
        {
            throw new InvalidFileException(fairness.LocationOf("min_group_size")!,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'fairness.min_group_size' must be at least 1, not {fairness.MinGroupSize}."));
        }

        foreach (var column in fairness.Gate.Where(c => schema is null || schema.Protected.All(p => p.Column != c)))
        {
            throw new InvalidFileException(fairness.LocationOf("gate")!, $"'fairness.gate' names '{column}', which is not in schema.protected.");
        }

        foreach (var column in fairness.Privileged.Keys.Where(c => schema is null || schema.Protected.All(p => p.Column != c)))
        {
            throw new InvalidFileException(fairness.LocationOf($"privileged.{column}")!,
                $"'fairness.privileged' names '{column}', which is not in schema.protected.");
        }
    }

    private static void CheckBehaviour(BehaviourSection test, SchemaSection? schema)
    {
        var kinds = new[] { test.Invariance is not null, test.Directional is not null, test.MinimumFunctionality.Count > 0 }.Count(k => k);
        if (kinds != 1)
        {
            throw new InvalidFileException(test.Location!,
                $"Behavioural test '{test.Name}' needs exactly one of 'invariance', 'directional' or 'minimum_functionality'.");
        }

        if (schema is null)
        {
            throw new InvalidFileException(test.Location!, $"Behavioural test '{test.Name}' needs a 'schema' section to know the columns.");
        }

        var columns = schema.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var (key, column) in new[] { ("invariance", test.Invariance), ("directional", test.Directional) })
        {
            if (column is not null && (!columns.ContainsKey(column) || column == schema.Label))
            {
                throw new InvalidFileException(test.LocationOf(key)!, $"Behavioural test '{test.Name}' names '{column}', which is not a feature column of schema.columns.");
            }
        }

        Require(test, test.Invariance is null || test.Values.Count > 0, "invariance", "lists no 'values' to put in the column");
        Require(test, test.Directional is null || columns[test.Directional].Type == ColumnType.Numeric, "directional", "needs a numeric column");
        Require(test, test.Directional is null || test.Multiply is not null || test.Add is not null, "directional", "needs 'multiply' or 'add'");
        Require(test, test.Directional is null || test.Expect is not null, "directional", "needs 'expect: increase' or 'expect: decrease'");
        Require(test, test.MaxFailureRate is >= 0 and <= 1, "max_failure_rate", "needs 'max_failure_rate' between 0 and 1");
        Require(test, test.Tolerance >= 0, "tolerance", "needs a 'tolerance' of 0 or more");
        foreach (var unknown in test.MinimumFunctionality.SelectMany(c => c.Row.Keys.Select(k => (Case: c, Column: k))).Where(x => !columns.ContainsKey(x.Column)))
        {
            throw new InvalidFileException(unknown.Case.LocationOf($"row.{unknown.Column}")!,
                $"Behavioural test '{test.Name}' sets '{unknown.Column}', which is not in schema.columns.");
        }
    }

    private static void Require(BehaviourSection test, bool condition, string key, string problem)
    {
        if (!condition)
        {
            throw new InvalidFileException(test.LocationOf(key)!, $"Behavioural test '{test.Name}' {problem}.");
        }
    }
}
