using System.Diagnostics.CodeAnalysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlOps.Models.Tables;

namespace MlOps.Models.Scoring;

/// <summary>
/// Scores one row at a time through the model's row-to-row mapper, as ML.NET's PredictionEngine does:
/// the transform chain is built once, and each row only runs the getters. Not thread-safe; the
/// <see cref="ModelScorer"/> keeps a pool of them.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The input row holds no resources: it points into tables the caller owns.")]
internal sealed class RowScorer
{
    private readonly InputRow input;
    private readonly ValueGetter<float> probability;

    public RowScorer(ITransformer model, DataViewSchema schema)
    {
        Schema = schema;
        input = new InputRow(schema);
        var mapper = model.GetRowToRowMapper(schema);
        var column = mapper.OutputSchema["Probability"];
        probability = mapper.GetRow(input, [column]).GetGetter<float>(column);
    }

    /// <summary>The layout of the tables this scorer reads.</summary>
    public DataViewSchema Schema { get; }

    public double Score(TableData table, int row)
    {
        input.MoveTo(table, row);
        var value = 0f;
        probability(ref value);
        return value;
    }

    /// <summary>Lets go of the last table, so a pooled scorer holds no request's data.</summary>
    public void Release() => input.MoveTo(null, -1);

    /// <summary>One row of a table; moving to another row advances the position, so no transform serves a cached value.</summary>
    private sealed class InputRow : DataViewRow
    {
        private readonly Delegate[] getters;
        private TableData? table;
        private int row;
        private long position = -1;

        public InputRow(DataViewSchema schema)
        {
            Schema = schema;
            getters = [.. schema.Select(c => Getter(c.Index, c.Type))];
        }

        public override DataViewSchema Schema { get; }

        public override long Position => position;

        public override long Batch => 0;

        public void MoveTo(TableData? rows, int index)
        {
            table = rows;
            row = index;
            position++;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            getters[column.Index] as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is not of type {typeof(TValue).Name}.");

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

        private Delegate Getter(int column, DataViewType type) => type switch
        {
            NumberDataViewType => new ValueGetter<float>((ref float value) => value = ((NumberColumn)table!.Columns[column]).Values[row]),
            TextDataViewType => new ValueGetter<ReadOnlyMemory<char>>((ref ReadOnlyMemory<char> value) => value = ((TextColumn)table!.Columns[column]).Values[row].AsMemory()),
            BooleanDataViewType => new ValueGetter<bool>((ref bool value) => value = ((FlagColumn)table!.Columns[column]).Values[row]),
            _ => throw new NotSupportedException($"Column type {type} is not a table column type."),
        };
    }
}
