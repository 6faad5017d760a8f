using System.Globalization;
using System.Text.Json;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>One labelled outcome: the id it refers to (a request id, or a row's id) and whether the true label is the positive one.</summary>
/// <param name="Id">The request id or row id.</param>
/// <param name="Positive">Whether the label is schema.positive.</param>
/// <param name="Where">file:line of the row.</param>
public sealed record Feedback(string Id, bool Positive, string Where);

/// <summary>Reads labelled feedback: a CSV file with a header, or JSON lines (<c>.jsonl</c>, <c>.ndjson</c>), one outcome per row.</summary>
public static class FeedbackFile
{
    /// <summary>Reads <paramref name="path"/> (<paramref name="file"/> in messages).</summary>
    /// <exception cref="InvalidFileException">The file lacks a column, or a row lacks an id or label; the message names file, line and what to do.</exception>
    public static IReadOnlyList<Feedback> Read(string path, string file, ConceptDriftSection concept, SchemaSection schema)
    {
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentNullException.ThrowIfNull(schema);
        var label = concept.LabelColumn ?? schema.Label;
        return Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json"
            ? ReadJsonLines(path, file, concept.IdColumn, label, schema.Positive)
            : ReadCsv(path, file, concept.IdColumn, label, schema.Positive);
    }

    private static List<Feedback> ReadCsv(string path, string file, string idColumn, string labelColumn, string positive)
    {
        using var reader = TableReader.Open(path, file, new CsvSection(), []);
        var id = Column(reader, file, idColumn, "monitoring.concept.id_column");
        var label = Column(reader, file, labelColumn, "monitoring.concept.label_column");
        var rows = new List<Feedback>();
        while (reader.Read())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{file}:{reader.Line}");
            var (idText, labelText) = (reader[id].ToString(), reader[label].ToString());
            if (idText.Length == 0 || labelText.Length == 0)
            {
                throw new InvalidFileException(new SourceLocation(file, reader.Line, 1),
                    $"The row has no {(idText.Length == 0 ? $"'{idColumn}'" : $"'{labelColumn}'")}; every feedback row needs the id it refers to and the true label.");
            }

            rows.Add(new Feedback(idText, IsPositive(labelText, positive), where));
        }

        return rows;
    }

    private static int Column(TableReader reader, string file, string name, string setting)
    {
        var index = reader.Columns.ToList().IndexOf(name);
        return index >= 0 ? index
            : throw new InvalidFileException(new SourceLocation(file, 1, 1),
                $"The feedback has no column '{name}' (columns: {string.Join(", ", reader.Columns)}); name the column in {setting}.");
    }

    private static List<Feedback> ReadJsonLines(string path, string file, string idMember, string labelMember, string positive)
    {
        var rows = new List<Feedback>();
        var number = 0L;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = new SourceLocation(file, number, 1);
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || Text(root, idMember) is not { Length: > 0 } id || Text(root, labelMember) is not { Length: > 0 } label)
                {
                    throw new InvalidFileException(location,
                        $"Expected an object with \"{idMember}\" and \"{labelMember}\", e.g. {{\"{idMember}\": \"…\", \"{labelMember}\": {positive}}}.");
                }

                rows.Add(new Feedback(id, IsPositive(label, positive), string.Create(CultureInfo.InvariantCulture, $"{file}:{number}")));
            }
            catch (JsonException e)
            {
                throw new InvalidFileException(location, $"Not JSON: {e.Message}");
            }
        }

        return rows;
    }

    /// <summary>
    /// Whether <paramref name="label"/> is the positive value: the same text, or the same number (1.0 for "1"), or the
    /// same boolean (True for "true").
    /// </summary>
    private static bool IsPositive(string label, string positive) =>
        label == positive
        || (TableReader.Number(label) is { } number && TableReader.Number(positive) is { } expected && number == expected)
        || (Models.Tables.BooleanText.Parse(label) is { } flag && Models.Tables.BooleanText.Parse(positive) is { } expectedFlag && flag == expectedFlag);

    private static string? Text(JsonElement root, string member) =>
        !root.TryGetProperty(member, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
}
