using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Prune works on.</summary>
public sealed record PruneRequest
{
    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The pipeline's model.</summary>
    public required string Model { get; init; }

    /// <summary>How many of the most recent versions keep their folders, server programs and images (<c>--keep</c>).</summary>
    public required int Keep { get; init; }

    /// <summary>The server program folder the next local Deploy installs (never removed), or null.</summary>
    public string? Serving { get; init; }

    /// <summary>The image BuildImage recorded last (what the next docker Deploy runs; never removed), or null.</summary>
    public string? BuiltImage { get; init; }
}
