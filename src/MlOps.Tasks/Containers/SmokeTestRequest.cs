namespace MlOps.Tasks.Containers;

/// <summary>What to smoke-test: an image, the bundle it must serve and the rows it must score.</summary>
public sealed record SmokeTestRequest
{
    /// <summary>The image (tag or id).</summary>
    public required string Image { get; init; }

    /// <summary>The /invocations body with the sample rows; null to check /health (and /version, see <see cref="BundleSha256"/>) only.</summary>
    public string? Rows { get; init; }

    /// <summary>The bundle /version must name (<c>bundle_sha256</c>); null to skip that check.</summary>
    public string? BundleSha256 { get; init; }

    /// <summary>The media type of <see cref="Rows"/>: <c>application/json</c> or <c>text/csv</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>How long the server may take to answer /health.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>More labels for the container, besides <see cref="ContainerSmokeTest.RoleLabel"/>: lets a caller find the containers it started.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>More environment variables for the container (<c>NAME=value</c>), after MLOPS_PORT and MLOPS_BIND.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];
}
