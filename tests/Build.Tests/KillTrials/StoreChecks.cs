using System.Security.Cryptography;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>What a kill must never leave in the tracking store: a damaged database, a registered version without its complete bundle, a run nobody ends.</summary>
internal static class StoreChecks
{
    /// <summary><c>PRAGMA integrity_check</c> and, for every registered version, a bundle whose sha256 is the registry's.</summary>
    public static IEnumerable<string> Problems(string storeFolder)
    {
        if (!File.Exists(Path.Combine(storeFolder, "mlops.db")))
        {
            yield break;
        }

        using var store = TrackingStore.Open(storeFolder);
        var integrity = store.IntegrityCheck();
        if (integrity != "ok")
        {
            yield return $"PRAGMA integrity_check: {integrity}";
        }

        foreach (var version in store.Registry.Models().SelectMany(model => model.Versions))
        {
            if (!File.Exists(version.Source))
            {
                yield return $"{version.Model} v{version.Version} is registered, but its bundle {version.Source} does not exist";
                continue;
            }

            using var bundle = File.OpenRead(version.Source);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bundle));
            if (sha256 != version.BundleSha256)
            {
                yield return $"{version.Model} v{version.Version} is registered with bundle sha256 {version.BundleSha256}, but {version.Source} has {sha256}";
            }
        }
    }

    /// <summary>The ids of the runs of <paramref name="experiment"/> still marked Running.</summary>
    public static IReadOnlyList<string> RunsLeftRunning(string storeFolder, string experiment)
    {
        using var store = TrackingStore.Open(storeFolder);
        return [.. store.Runs.InExperiment(experiment).Where(run => run.Status == RunStatus.Running).Select(run => run.Id)];
    }

    /// <summary>Temporary files (<c>*.tmp</c>) under the given folders of the repository, relative to it.</summary>
    public static IReadOnlyList<string> TemporaryFiles(string repository, params string[] folders) =>
    [
        .. folders.Select(folder => Path.Combine(repository, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFileSystemEntries(folder, "*.tmp", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(repository, path))
            .Order(StringComparer.Ordinal),
    ];
}
