namespace MlOps.Tasks.Tracking;

/// <summary>What <see cref="StoreCopy.Copy"/> copied to a store, and what the store had already.</summary>
public sealed record StoreCopyReport
{
    /// <summary>The store copied to, as it may be shown (no password).</summary>
    public required string Target { get; init; }

    /// <summary>Runs copied, with their params, metrics, tags and artifact records.</summary>
    public required int Runs { get; init; }

    /// <summary>Runs the target had already.</summary>
    public required int RunsPresent { get; init; }

    /// <summary>Model versions registered in the target.</summary>
    public required int Versions { get; init; }

    /// <summary>Model versions the target had already.</summary>
    public required int VersionsPresent { get; init; }

    /// <summary>Alias moves appended to the target's alias history.</summary>
    public required int AliasMoves { get; init; }

    /// <summary>Deployments appended to the target's deployment history.</summary>
    public required int Deployments { get; init; }

    /// <summary>Artifact files uploaded to the target's artifact root, or copied into its folder.</summary>
    public required int ArtifactsCopied { get; init; }

    /// <summary>Artifact files that were there already, with the same content (a root) or size (a folder).</summary>
    public required int ArtifactsPresent { get; init; }
}
