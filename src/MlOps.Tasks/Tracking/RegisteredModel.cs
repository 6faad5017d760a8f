namespace MlOps.Tasks.Tracking;

/// <summary>A registered model with its versions, oldest first; each version carries its current aliases.</summary>
/// <param name="Name">The model's name, e.g. <c>credit-scoring</c>.</param>
/// <param name="Created">When its first version was registered (UTC).</param>
/// <param name="Versions">Its versions, by number.</param>
public sealed record RegisteredModel(string Name, DateTimeOffset Created, IReadOnlyList<ModelVersion> Versions)
{
    /// <summary>The highest version.</summary>
    public ModelVersion Latest => Versions[^1];

    /// <summary>The version <paramref name="alias"/> points to, or null when the alias is not set.</summary>
    public ModelVersion? WithAlias(string alias) =>
        Versions.FirstOrDefault(version => version.Aliases.Contains(alias, StringComparer.Ordinal));
}
