using System.Globalization;

namespace MlOps.Tasks.Tracking;

/// <summary>A registered version of a model: a bundle produced by a run.</summary>
/// <param name="Model">The registered model's name.</param>
/// <param name="Version">1, 2, …: allocated in order, never reused.</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="Source">Where the bundle is (a path or URI).</param>
/// <param name="BundleSha256">The lowercase hex SHA-256 of the bundle.</param>
/// <param name="Created">When it was registered (UTC).</param>
/// <param name="RegisteredBy">Who or what registered it.</param>
/// <param name="Aliases">The aliases that point to it now, in ordinal order.</param>
public sealed record ModelVersion(
    string Model,
    int Version,
    string RunId,
    string Source,
    string BundleSha256,
    DateTimeOffset Created,
    string RegisteredBy,
    IReadOnlyList<string> Aliases)
{
    /// <summary><c>{model}_v{version}_{yyyyMMddHHmmss}</c>, the time being the registration's in UTC.</summary>
    public string DisplayName =>
        $"{Model}_v{Version.ToString(CultureInfo.InvariantCulture)}_{Created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
}
