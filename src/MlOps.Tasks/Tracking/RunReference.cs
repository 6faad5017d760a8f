namespace MlOps.Tasks.Tracking;

/// <summary>Finds a run from what a user types: a model version (<c>v2</c>, <c>2</c>, <c>latest</c>, an alias) or a run id (prefix).</summary>
public static class RunReference
{
    /// <summary>The run <paramref name="reference"/> names for model <paramref name="model"/>.</summary>
    /// <exception cref="UsageException">Nothing by that name; the message says what exists.</exception>
    public static RunRecord Resolve(TrackingStore store, string model, string reference)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Registry.ResolveVersion(model, reference) is { } version)
        {
            return store.Runs.GetRun(version.RunId);
        }

        if (reference.Length >= 4 && reference.All(char.IsAsciiHexDigit) && store.Runs.FindRun(reference) is { } run)
        {
            return run;
        }

        var versions = store.Registry.Models().FirstOrDefault(m => m.Name == model)?.Versions ?? [];
        var known = versions.Count == 0 ? $"model '{model}' has no versions yet"
            : $"versions: {string.Join(", ", versions.Select(v => $"v{v.Version}"))}; "
                + $"aliases: {string.Join(", ", versions.SelectMany(v => v.Aliases).Order(StringComparer.Ordinal))}";
        throw new UsageException($"'{reference}' is neither a version, an alias nor a run id of '{model}' ({known}); run ./build.sh --target=Models to list them.");
    }
}
