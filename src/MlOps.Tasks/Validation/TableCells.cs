using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;

namespace MlOps.Tasks.Validation;

/// <summary>Values written in the pipeline file, read as the model's inputs: numbers, booleans as 1/0, missing as NaN.</summary>
internal static class TableCells
{
    public static float Number(string? text) =>
        text is not null && TableReader.Number(text) is { } number ? (float)number : float.NaN;

    public static float Boolean(string? text) =>
        BooleanText.Parse(text) is { } value ? (value ? 1 : 0) : float.NaN;
}
