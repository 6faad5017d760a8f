using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlOps.Tasks.Artifacts;

/// <summary>
/// metrics.json (<see cref="ArtifactNames.Metrics"/>): what Train measured, with the verdicts Validate, BiasCheck and Report
/// add to it. The one way to read and change that file: every task goes through this record, never through the JSON itself.
/// </summary>
public sealed record MetricsFile
{
    /// <summary>The pipeline's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The registered version Train made (or reused).</summary>
    public required int Version { get; init; }

    /// <summary>The version's display name, <c>&lt;model&gt;-v&lt;version&gt;</c>.</summary>
    public required string VersionName { get; init; }

    /// <summary>The training run in the tracking store.</summary>
    public required string RunId { get; init; }

    /// <summary>The trainer of the pipeline file.</summary>
    public required string Trainer { get; init; }

    /// <summary>The md5 of the table trained on, as DVC records it.</summary>
    public string? DataMd5 { get; init; }

    /// <summary>The rows of the train/test split.</summary>
    public required RowCounts Rows { get; init; }

    /// <summary>The metrics on the held-out rows, by name (auc, accuracy, …).</summary>
    public required IReadOnlyDictionary<string, double> Test { get; init; }

    /// <summary>The cross-validation summary, when the pipeline asks for folds.</summary>
    public CrossValidationMetrics? CrossValidation { get; init; }

    /// <summary>The sweep that chose the trainer and parameters, when Train swept.</summary>
    public SweepMetrics? Sweep { get; init; }

    /// <summary>Validate's results and verdict, once it has run.</summary>
    public ValidationVerdict? Validation { get; init; }

    /// <summary>BiasCheck's verdict, once it has run.</summary>
    public GateVerdict? Fairness { get; init; }

    /// <summary>Report's verdict, once it has run.</summary>
    public GateVerdict? Report { get; init; }

    /// <summary>Members this build does not know (a newer build wrote them): kept as they are when the file is updated.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Other { get; init; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">The path to name in an error (relative to the repository), when not <paramref name="path"/>.</param>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="InvalidFileException">It is not the metrics.json Train writes.</exception>
    public static MetricsFile Read(string path, string? shownAs = null) =>
        ReadIfExists(path, shownAs)
        ?? throw new UsageException($"{shownAs ?? path} does not exist; run ./build.sh --target=Train first.");

    /// <summary>Reads <paramref name="path"/>, or returns null when there is no such file.</summary>
    /// <exception cref="InvalidFileException">It is not the metrics.json Train writes.</exception>
    public static MetricsFile? ReadIfExists(string path, string? shownAs = null) =>
        ArtifactJson.ReadIfExists<MetricsFile>(path, shownAs, "Train", "./build.sh --target=Train --force");


    /// <summary>Writes the file atomically.</summary>
    public void Write(string path) => ArtifactJson.Write(path, this);

    /// <summary>Reads <paramref name="path"/>, applies <paramref name="change"/> and writes the result atomically; returns it.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="InvalidFileException">It is not the metrics.json Train writes.</exception>
    public static MetricsFile Update(string path, Func<MetricsFile, MetricsFile> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var changed = change(Read(path));
        changed.Write(path);
        return changed;
    }
}
