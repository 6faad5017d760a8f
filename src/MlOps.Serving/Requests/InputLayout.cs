using System.Collections.Frozen;
using MlOps.Models.Schema;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>The columns requests may send, from the bundle's schema, and which of them the model reads.</summary>
internal sealed class InputLayout
{
    private readonly FrozenDictionary<string, InputColumn> byName;
    private readonly FrozenDictionary<string, InputColumn>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    private InputLayout(IReadOnlyList<InputColumn> columns, string label)
    {
        Columns = columns;
        Label = label;
        Id = columns.FirstOrDefault(c => c.Kind == ColumnKind.Id);
        byName = columns.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        Tables = new TablePool(this);
    }

    /// <summary>The columns in table order.</summary>
    public IReadOnlyList<InputColumn> Columns { get; }

    /// <summary>The label: what the model predicts, never an input.</summary>
    public string Label { get; }

    /// <summary>The identifier column, carried through to the predictions, if the schema has one.</summary>
    public InputColumn? Id { get; }

    /// <summary>The layout of <paramref name="schema"/>, asking <paramref name="scorer"/> which columns its model reads.</summary>
    public static InputLayout For(ModelSchema schema, ModelScorer scorer)
    {
        var columns = schema.Columns.Where(c => c.Name != schema.Label).Select((c, i) => new InputColumn(c.Name, c.Kind, Required: false, i)).ToList();
        var read = scorer.ColumnsRead(new InputLayout(columns, schema.Label).Missing(1)).ToHashSet(StringComparer.Ordinal);
        return new([.. columns.Select(c => c with { Required = read.Contains(c.Name) })], schema.Label);
    }

    /// <summary>Tables of this layout, for small requests to reuse.</summary>
    public TablePool Tables { get; }

    /// <summary>The column called <paramref name="name"/>, or null.</summary>
    public InputColumn? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The column called <paramref name="name"/>, or null; no string needed.</summary>
    public InputColumn? Find(ReadOnlySpan<char> name) => bySpan.TryGetValue(name, out var column) ? column : null;

    /// <summary>A table of <paramref name="rows"/> rows in which every value is missing.</summary>
    public TableData Missing(int rows) => new BatchBuilder(this, rows).Unchecked();
}
