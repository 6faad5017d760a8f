using System.Globalization;
using System.Text;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Validation;

/// <summary>
/// predictions.csv: one held-out row per line — id (or, when the schema has no id column, line: the data file's
/// 1-based line where the row starts, the header being line 1), label (1 positive, 0 not), score, predicted class
/// (1 when score &gt; 0.5), then the protected attributes — for scikit-learn, Fairlearn and reviewers.
/// </summary>
internal static class PredictionsCsv
{
    private static readonly string[] Leading = ["label", "score", "predicted"];

    public static void Write(string path, TableRows held, SchemaSection schema, IReadOnlyList<double> scores)
    {
        var rows = held.Data;
        var ids = held.IdColumn is { } id ? (TextColumn)rows[id] : null;
        var labels = ((FlagColumn)rows[schema.Label]).Values;
        var attributes = schema.Protected.Select(p => rows[p.Column]).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', Leading.Prepend(ids is null ? "line" : "id").Concat(attributes.Select(a => Escape(a.Name)))).Append('\n');
        for (var row = 0; row < rows.RowCount; row++)
        {
            text.Append(Escape(ids?.Values[row] ?? held.Lines[row].ToString(CultureInfo.InvariantCulture)))
                .Append(labels[row] ? ",1," : ",0,")
                .Append(scores[row].ToString("R", CultureInfo.InvariantCulture))
                .Append(scores[row] > ModelScorer.Threshold ? ",1" : ",0");
            foreach (var attribute in attributes)
            {
                text.Append(',').Append(Escape(Cell(attribute, row)));
            }

            text.Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string Cell(TableColumn column, int row) => column switch
    {
        NumberColumn n => float.IsNaN(n.Values[row]) ? "" : n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        TextColumn t => t.Values[row],
        FlagColumn f => f.Values[row] ? "1" : "0",
        _ => "",
    };

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
