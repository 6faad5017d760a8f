using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>Which registered version to serve: the one asked for, else the newest that passed the gates (<c>staging</c>), else the newest trained (<c>candidate</c>).</summary>
public static class ServedVersion
{
    /// <summary>The version <paramref name="reference"/> names, or staging, or candidate.</summary>
    /// <exception cref="UsageException">No such version, or nothing registered yet.</exception>
    public static ModelVersion Pick(TrackingStore store, string model, string? reference)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (reference is not null)
        {
            return store.Registry.ResolveVersion(model, reference)
                ?? throw new UsageException($"'{reference}' names no registered version of '{model}' (v2, 2, latest or an alias such as staging); "
                    + "run ./build.sh --target=Models to list them.");
        }

        return store.Registry.ResolveVersion(model, ModelAliases.Staging) ?? store.Registry.ResolveVersion(model, ModelAliases.Candidate)
            ?? throw new UsageException($"'{model}' has no version to serve: none is 'staging' or 'candidate' yet; run ./build.sh to train and gate one.");
    }
}
