namespace MlOps.Tasks.Data;

/// <summary>A <c>['remote "name"']</c> section of <c>.dvc/config</c>, with what <c>.dvc/config.local</c> overrides already applied.</summary>
/// <param name="Name">The remote's name.</param>
/// <param name="Location">Its section header (the first that named it).</param>
/// <param name="Values">Its keys (<c>url</c>, <c>endpointurl</c>, <c>region</c>, <c>profile</c>, …), lower-case.</param>
internal sealed record DvcRemoteConfig(string Name, SourceLocation Location, IReadOnlyDictionary<string, ConfigValue> Values)
{
    /// <summary>The value of <paramref name="key"/>, or null when neither file sets it.</summary>
    public ConfigValue? this[string key] => Values.GetValueOrDefault(key);
}
