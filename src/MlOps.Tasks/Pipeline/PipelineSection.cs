using System.Text.Json.Serialization;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// A mapping in the pipeline file. Knows where it and each of its keys stand in the file, so that a
/// later failure (a gate, a bad value) can point at the line the user has to change.
/// </summary>
public abstract record PipelineSection
{
    private readonly Dictionary<string, SourceLocation> keyLocations = new(StringComparer.Ordinal);

    /// <summary>Where the mapping starts; set by the loader.</summary>
    [JsonIgnore]
    public SourceLocation? Location { get; internal set; }

    /// <summary>Where the value of <paramref name="key"/> (its name in the file) stands, else the mapping.</summary>
    public SourceLocation? LocationOf(string key) =>
        keyLocations.TryGetValue(key, out var location) ? location : Location;

    /// <summary>The keys present in the file, as written.</summary>
    internal IEnumerable<string> Keys => keyLocations.Keys;

    internal void RecordKey(string key, SourceLocation location) => keyLocations[key] = location;
}
