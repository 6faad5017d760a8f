using System.Text.Json;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// What a table holds that the pipeline file names: each value of the label with its rows, and the groups
/// (values, or bins of a numeric attribute) of each protected attribute that have rows. Recorded with a
/// training run, so that a run reused later is checked against the data it was trained on.
/// </summary>
/// <param name="File">The table, as messages name it (e.g. <c>data/credit.csv</c>).</param>
/// <param name="Labels">The label's values and their rows; at most <see cref="MaxListed"/> values are kept.</param>
/// <param name="Groups">Per protected attribute, its groups that have rows, in ordinal order.</param>
public sealed record TableValues(string File, IReadOnlyDictionary<string, long> Labels, IReadOnlyDictionary<string, IReadOnlyList<string>> Groups)
{
    /// <summary>The most values kept per column: enough for any message, bounded for a column of ids.</summary>
    public const int MaxListed = 50;

    /// <summary>The record as JSON, for a run's tag.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(File, new(Labels, StringComparer.Ordinal),
        Groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal)));

    /// <summary>Reads what <see cref="ToJson"/> wrote; null when <paramref name="json"/> is absent or not such a record.</summary>
    public static TableValues? Parse(string? json)
    {
        try
        {
            return json is null || JsonSerializer.Deserialize<Stored>(json) is not { File: not null, Labels: not null, Groups: not null } stored
                ? null
                : new TableValues(stored.File, stored.Labels, stored.Groups.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Value, StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(string File, Dictionary<string, long> Labels, Dictionary<string, string[]> Groups);
}
