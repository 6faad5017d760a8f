using MlOps.Tasks;
using MlOps.Tasks.Pipeline;

namespace MlOps.MSBuild;

/// <summary>
/// Where a value of a column stands in a CSV file, as line and character column, so that an editor puts the cursor on it. The
/// library names the line of an unexpected value; the column is found here by reading that line again in the pipeline's dialect.
/// </summary>
/// <param name="path">The file's full path.</param>
/// <param name="shownAs">The file as the library names it (relative to the repository).</param>
/// <param name="pipeline">The pipeline, for its CSV dialect and its schema's column order.</param>
internal sealed class DataCells(string path, string shownAs, PipelineDefinition pipeline)
{
    private readonly string separator = pipeline.Data.Csv.Separator;

    /// <summary>
    /// The place of <paramref name="column"/>'s value on <paramref name="line"/>: its first character, or column 1 when the column
    /// is unknown or the line cannot be read as fields.
    /// </summary>
    public SourceLocation Locate(string? column, long line)
    {
        var start = column is null || line < 1 ? null : Index(column) is { } index ? Start(ReadLine(line), index) : null;
        return new SourceLocation(shownAs, line, (start ?? 0) + 1);
    }

    private int? Index(string column)
    {
        var names = pipeline.Data.Csv.Header ? Split(ReadLine(1) ?? "") : [.. pipeline.Schema?.Columns.Select(c => c.Name) ?? []];
        var index = names.FindIndex(n => n.Trim().Trim('"') == column);
        return index < 0 ? null : index;
    }

    private string? ReadLine(long line) => File.Exists(path) ? File.ReadLines(path).Skip((int)Math.Min(line - 1, int.MaxValue)).FirstOrDefault() : null;

    private List<string> Split(string text)
    {
        var fields = new List<string>();
        var from = 0;
        foreach (var at in Separators(text).Append(text.Length))
        {
            fields.Add(text[from..at]);
            from = at + separator.Length;
        }

        return fields;
    }

    private int? Start(string? text, int index)
    {
        if (text is null)
        {
            return null;
        }

        if (index == 0)
        {
            return 0;
        }

        var separators = Separators(text).ToList();
        return index <= separators.Count ? separators[index - 1] + separator.Length : null;
    }

    // The separators outside double quotes, as RFC 4180 quotes a field.
    private IEnumerable<int> Separators(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                yield return i;
                i += separator.Length - 1;
            }
        }
    }
}
