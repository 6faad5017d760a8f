using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.DataChecks;

/// <summary>
/// Gathers, while Train reads its table, the values <see cref="TrainingDataChecks"/> holds the pipeline file
/// to (the label's values with their rows, the protected attributes' groups), then runs those checks.
/// </summary>
/// <param name="pipeline">The pipeline whose table is read.</param>
/// <param name="file">The table, as messages name it.</param>
internal sealed class PipelineDataCheck(PipelineDefinition pipeline, string file)
{
    private readonly Dictionary<string, long> labels = new(StringComparer.Ordinal);
    private readonly List<AttributeGroups> attributes = [];
    private int labelIndex = -1;

    /// <summary>Takes note of the current row of <paramref name="reader"/>.</summary>
    public void Add(TableReader reader)
    {
        if (labelIndex < 0)
        {
            Start(reader.Columns.ToList());
        }

        var text = reader[labelIndex];
        if (!IsMissing(text))
        {
            var lookup = labels.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var rows))
            {
                lookup[text] = rows + 1;
            }
            else if (labels.Count < TableValues.MaxListed || text.SequenceEqual(pipeline.Schema!.Positive) || text.SequenceEqual(pipeline.Fairness.Favourable))
            {
                lookup[text] = 1;
            }
        }

        foreach (var attribute in attributes)
        {
            var value = reader[attribute.Index];
            if (!IsMissing(value))
            {
                attribute.Add(value);
            }
        }
    }

    /// <summary>What the table held; set by <see cref="Verify"/>.</summary>
    public TableValues? Values { get; private set; }

    /// <summary>Checks the pipeline file against what the table held.</summary>
    /// <exception cref="InvalidFileException">A value of the pipeline file does not occur in the table, or the folds do not fit it.</exception>
    public void Verify()
    {
        Values = new TableValues(file, labels, attributes.ToDictionary(a => a.Column, a => a.Groups(), StringComparer.Ordinal));
        TrainingDataChecks.Check(pipeline, Values);
    }

    private void Start(List<string> columns)
    {
        var schema = pipeline.Schema!;
        labelIndex = columns.IndexOf(schema.Label);
        foreach (var attribute in schema.Protected.Where(p => columns.Contains(p.Column)))
        {
            attributes.Add(new AttributeGroups(attribute, columns.IndexOf(attribute.Column), pipeline.Fairness.Privileged.GetValueOrDefault(attribute.Column)));
        }
    }

    private bool IsMissing(ReadOnlySpan<char> text)
    {
        foreach (var token in pipeline.Data.Csv.Missing)
        {
            if (text.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    // The groups of one protected attribute that have rows: its values, or the bins its numbers fall in.
    private sealed class AttributeGroups(ProtectedSection attribute, int index, string? privileged)
    {
        private readonly HashSet<string> values = new(StringComparer.Ordinal);
        private readonly SortedSet<int> bins = [];
        private readonly BinEdges? edges = attribute.Bins.Count > 0 ? BinEdges.Of(attribute.Column, attribute.Bins, attribute.Closed) : null;

        public string Column => attribute.Column;

        public int Index => index;

        public void Add(ReadOnlySpan<char> text)
        {
            if (edges is not null)
            {
                if (edges.Find(text.ToString()) is >= 0 and var bin)
                {
                    bins.Add(bin);
                }
            }
            else if (!values.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text)
                && (values.Count < TableValues.MaxListed || text.SequenceEqual(privileged)))
            {
                values.Add(text.ToString());
            }
        }

        public IReadOnlyList<string> Groups() =>
            edges is not null ? [.. bins.Select(edges.Label)] : [.. values.Order(StringComparer.Ordinal)];
    }
}
