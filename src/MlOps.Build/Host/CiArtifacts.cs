using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Monitoring;

namespace MlOps.Build.Host;

/// <summary>What a run's tasks wrote in artifacts/&lt;pipeline&gt;/, read through the library's records: each only when this run produced it.</summary>
internal sealed record CiArtifacts
{
    /// <summary>metrics.json, when Train ran or reused its run.</summary>
    public MetricsFile? Metrics { get; init; }

    /// <summary>Validate's node of metrics.json, when Validate ran, reused its verdict or refused.</summary>
    public ValidationVerdict? Validation { get; init; }

    /// <summary>BiasCheck's verdict in metrics.json, when BiasCheck ran, reused its verdict or refused.</summary>
    public GateVerdict? Fairness { get; init; }

    /// <summary>fairness.json, with <see cref="Fairness"/>.</summary>
    public FairnessReport? FairnessReport { get; init; }

    /// <summary>The expectations of validation.json, when ValidateData validated in this run.</summary>
    public IReadOnlyList<ExpectationVerdict> Expectations { get; init; } = [];

    /// <summary>drift.json's verdict, when Monitor ran.</summary>
    public DriftVerdict? Drift { get; init; }

    /// <summary>Artifacts that could not be read, one line each: the report leaves them out and says so.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>Reads what <paramref name="run"/> produced; nothing when it loaded no pipeline file.</summary>
    public static CiArtifacts Read(CiRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.ArtifactsFolder is not { } folder)
        {
            return new CiArtifacts();
        }

        var unreadable = new List<string>();
        T? Read<T>(Func<T?> read)
            where T : class
        {
            try
            {
                return read();
            }
            catch (Exception e) when (e is InvalidFileException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add(e.Message);
                return null;
            }
        }

        string Shown(params string[] parts) => Path.GetRelativePath(run.RepositoryRoot, Path.Combine([folder, .. parts]));
        var gated = run.Produced("Train") || run.Produced("Validate") || run.Produced("BiasCheck");
        var metrics = gated ? Read(() => MetricsFile.ReadIfExists(Path.Combine(folder, ArtifactNames.Metrics), Shown(ArtifactNames.Metrics))) : null;
        var fairness = run.Produced("BiasCheck") ? metrics?.Fairness : null;
        return new CiArtifacts
        {
            Metrics = run.Produced("Train") ? metrics : null,
            Validation = run.Produced("Validate") ? metrics?.Validation : null,
            Fairness = fairness,
            FairnessReport = fairness is null ? null
                : Read(() => FairnessFile.ReadIfExists(Path.Combine(folder, ArtifactNames.Fairness), Shown(ArtifactNames.Fairness))),
            Expectations = !run.Worked("ValidateData") ? []
                : Read(() => ValidationJson.ReadResultsIfExists(Path.Combine(folder, ArtifactNames.DataValidation), Shown(ArtifactNames.DataValidation))) ?? [],
            Drift = !run.Worked("Monitor") ? null : Read(() => DriftJson.ReadVerdictIfExists(
                Path.Combine(folder, ArtifactNames.MonitoringFolder, ArtifactNames.Drift), Shown(ArtifactNames.MonitoringFolder, ArtifactNames.Drift))),
            Unreadable = unreadable,
        };
    }
}
