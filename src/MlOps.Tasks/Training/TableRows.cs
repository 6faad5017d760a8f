using MlOps.Models.Tables;

namespace MlOps.Tasks.Training;

/// <summary>Rows read from the pipeline's CSV table, with what finds each one again: its row key and its line in the file.</summary>
/// <param name="Data">The rows, column by column.</param>
/// <param name="Keys">Each row's <see cref="MlOps.Models.Training.RowKey"/>: of its id, else of its fields as written.</param>
/// <param name="Lines">Each row's 1-based line in the file where it starts (the header is line 1).</param>
/// <param name="IdColumn">The id column the keys come from, or null when they come from the rows' content.</param>
internal sealed record TableRows(TableData Data, IReadOnlyList<ulong> Keys, IReadOnlyList<long> Lines, string? IdColumn)
{
    /// <summary>The given rows, in the given order.</summary>
    public TableRows Take(IReadOnlyList<int> rows) =>
        new(Data.Take(rows), [.. rows.Select(r => Keys[r])], [.. rows.Select(r => Lines[r])], IdColumn);
}
