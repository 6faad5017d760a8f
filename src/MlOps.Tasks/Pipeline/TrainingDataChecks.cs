using System.Globalization;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Checks the pipeline file against the data before anything is trained: schema.positive and
/// fairness.favourable must be values of the label, each fairness.privileged group must have rows, and the
/// folds of cross-validation must fit the smaller class. A failure names the pipeline file's line, the
/// value and the values the data holds.
/// </summary>
internal static class TrainingDataChecks
{
    /// <exception cref="InvalidFileException">A value of the pipeline file does not occur in the data, or the folds do not fit it.</exception>
    public static void Check(PipelineDefinition pipeline, TableValues values)
    {
        if (pipeline.Schema is not { } schema)
        {
            return;
        }

        var labels = string.Join(", ", values.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} ({l.Value:N0} row{(l.Value == 1 ? "" : "s")})")));
        if (!values.Labels.ContainsKey(schema.Positive))
        {
            throw new InvalidFileException(Place(pipeline, schema, "positive"),
                $"'schema.positive' is '{schema.Positive}', which the label column '{schema.Label}' of {values.File} never holds; its values: {labels}{More(values.Labels.Count)}. "
                + "Set schema.positive to the value that marks the positive class.");
        }

        CheckFolds(pipeline, schema, values);
        var fairness = pipeline.Fairness;
        if (fairness.Favourable is { } favourable && !values.Labels.ContainsKey(favourable))
        {
            throw new InvalidFileException(Place(pipeline, fairness, "favourable"),
                $"'fairness.favourable' is '{favourable}', which the label column '{schema.Label}' of {values.File} never holds; its values: {labels}{More(values.Labels.Count)}. "
                + "Set it to the label value that is the good outcome for the person.");
        }

        foreach (var (column, privileged) in fairness.Privileged)
        {
            if (values.Groups.TryGetValue(column, out var groups) && !groups.Contains(privileged, StringComparer.Ordinal))
            {
                var binned = schema.Protected.Any(p => p.Column == column && p.Bins.Count > 0);
                var which = binned
                    ? $"which is no bin of '{column}' with rows in {values.File}; its bins with rows"
                    : $"which the column '{column}' of {values.File} never holds; its values";
                throw new InvalidFileException(Place(pipeline, fairness, $"privileged.{column}"),
                    $"'fairness.privileged.{column}' is '{privileged}', {which}: {string.Join(", ", groups)}{More(groups.Count)}.");
            }
        }
    }

    // Every fold is tested on its own share of each class: a class with fewer rows than folds leaves folds without it.
    private static void CheckFolds(PipelineDefinition pipeline, SchemaSection schema, TableValues values)
    {
        var training = pipeline.Training;
        if (values.Labels.Count != 2)
        {
            return;
        }

        var (smaller, rows) = values.Labels.OrderBy(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value)).First();
        var none = rows >= 2 ? string.Create(CultureInfo.InvariantCulture, $"use at most {rows} folds, or 0 for none") : "set it to 0 (no cross-validation)";
        var sweep = rows >= 2 ? string.Create(CultureInfo.InvariantCulture, $"use at most {rows} folds") : "add rows of that class before sweeping";
        foreach (var (section, path, folds, fix) in new (PipelineSection?, string, int, string)[]
            { (training, "training.folds", training.Folds, none), (training.Sweep, "training.sweep.folds", training.Sweep?.Folds ?? 0, sweep) })
        {
            if (section is not null && folds >= 2 && folds > rows)
            {
                throw new InvalidFileException(Place(pipeline, section, "folds"), string.Create(CultureInfo.InvariantCulture,
                    $"'{path}' is {folds}, but {values.File} has only {rows:N0} row{(rows == 1 ? "" : "s")} of the smaller class "
                    + $"('{smaller}' in '{schema.Label}') and every fold needs one: {fix}."));
            }
        }
    }

    private static string More(int listed) => listed >= TableValues.MaxListed ? ", …" : "";

    private static SourceLocation Place(PipelineDefinition pipeline, PipelineSection section, string key) =>
        section.LocationOf(key) ?? new SourceLocation(pipeline.File, 1, 1);
}
