namespace MlOps.Tasks.Pipeline;

/// <summary>What the file's shape cannot say: names that must refer to schema columns, bins that must be usable.</summary>
internal static class PipelineChecks
{
    /// <exception cref="InvalidFileException">A reference or a bin list is wrong; the message names its place.</exception>
    public static void Check(PipelineDefinition pipeline)
    {
        CheckData(pipeline.Data);
        if (pipeline.Schema is { } schema)
        {
            CheckSchema(schema);
        }

        TrainingChecks.Check(pipeline.Training, pipeline.Schema);
        ValidationChecks.Check(pipeline.Validation, pipeline.Schema);
        ValidationChecks.Check(pipeline.Fairness, pipeline.Schema);
        DeploymentChecks.Check(pipeline);
        MonitoringChecks.Check(pipeline.Monitoring, pipeline.Schema);
    }

    private static void CheckData(DataSection data)
    {
        if (data.Source?.Generator is { } generator && (generator.Rows < 1 || generator.CurrentRows < 0))
        {
            var (key, value, least) = generator.Rows < 1 ? ("rows", generator.Rows, 1) : ("current_rows", generator.CurrentRows, 0);
            throw new InvalidFileException(generator.LocationOf(key)!,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'data.source.generator.{key}' must be at least {least}, not {value}."));
        }

        var path = data.Path.Replace('\\', '/');
        if (!StaysInside(path))
        {
            throw new InvalidFileException(data.LocationOf("path")!,
                $"'data.path' must be a file or folder inside the repository, written without a trailing '/' (e.g. 'data'), not '{data.Path}'.");
        }

        foreach (var (key, table) in new[] { ("table", data.Table), ("current", data.Current) })
        {
            if (table is null)
            {
                continue;
            }

            var relative = table.Replace('\\', '/');
            if (!StaysInside(relative))
            {
                throw new InvalidFileException(data.LocationOf(key)!,
                    $"'data.{key}' must stay inside the repository: a relative path without '.' or '..' parts (e.g. data/credit.csv), not '{table}'.");
            }

            if (relative != path && !relative.StartsWith(path + "/", StringComparison.Ordinal))
            {
                throw new InvalidFileException(data.LocationOf(key)!,
                    $"'data.{key}' ({table}) must be inside 'data.path' ({data.Path}), so that data.dvc pins it.");
            }
        }
    }

    // Relative, and no part that is empty, '.' or '..': such a path cannot name a place outside the repository.
    private static bool StaysInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !(path.Length > 1 && path[1] == ':')
            && path.Split('/').All(part => part is not ("" or "." or ".."));

    private static void CheckSchema(SchemaSection schema)
    {
        if (schema.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidFileException(twice.Last().Location!, $"The column '{twice.Key}' is declared twice in schema.columns.");
        }

        var columns = schema.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

        if (!columns.ContainsKey(schema.Label))
        {
            throw new InvalidFileException(schema.LocationOf("label")!, $"The label '{schema.Label}' is not in schema.columns.");
        }

        foreach (var attribute in schema.Protected)
        {
            if (!columns.TryGetValue(attribute.Column, out var column))
            {
                throw new InvalidFileException(attribute.LocationOf("column")!, $"The protected attribute '{attribute.Column}' is not in schema.columns.");
            }

            var bins = attribute.Bins;
            if (column.Type == ColumnType.Numeric && bins.Count < 2)
            {
                throw new InvalidFileException(attribute.Location!,
                    $"The numeric protected attribute '{attribute.Column}' needs 'bins' (at least two ascending edges, e.g. [18, 25, 40, 65, 120]); "
                    + "continuous values are never binned automatically.");
            }

            if (bins.Zip(bins.Skip(1)).Any(pair => pair.First >= pair.Second))
            {
                throw new InvalidFileException(attribute.LocationOf("bins")!, $"The bins of '{attribute.Column}' must be strictly ascending.");
            }
        }
    }
}
