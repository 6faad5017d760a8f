namespace MlOps.Tasks.Storage;

/// <summary>An object as the store reports it.</summary>
/// <param name="Key">Its key, relative to the store's root (<c>runs/7f3a/model.mlbundle</c>).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">Lower-case hex sha256 of its content, or null when the store does not know it (an object another program wrote).</param>
public sealed record StoredObject(string Key, long Size, string? Sha256);
