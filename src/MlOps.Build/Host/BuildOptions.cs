using Cake.Core.Diagnostics;

namespace MlOps.Build.Host;

/// <summary>The command line, parsed.</summary>
internal sealed record BuildOptions
{
    public IReadOnlyList<string> Targets { get; init; } = ["Default"];

    public bool Exclusive { get; init; }

    public bool DryRun { get; init; }

    public bool Tree { get; init; }

    public bool Description { get; init; }

    public bool Help { get; init; }

    public bool Force { get; init; }

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>--pipeline, when given.</summary>
    public string? Pipeline { get; init; }

    /// <summary>--environment, when given.</summary>
    public string? Environment { get; init; }

    /// <summary>Gates report refusals without failing the build.</summary>
    public bool ReportOnly { get; init; }

    /// <summary>Monitor runs the training pipeline on the current batch when it finds drift.</summary>
    public bool Retrain { get; init; }

    /// <summary>--table: the CSV to validate and train on instead of data.table, or null.</summary>
    public string? Table { get; init; }

    /// <summary>The tracking store folder given with --store, or null.</summary>
    public string? Store { get; init; }

    /// <summary>Options declared by tasks (<see cref="TaskArgumentAttribute"/>), by name.</summary>
    public IReadOnlyDictionary<string, string> TaskArguments { get; init; } = new Dictionary<string, string>();
}
