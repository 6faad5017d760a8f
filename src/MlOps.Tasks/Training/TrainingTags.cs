using System.Reflection;
using System.Runtime.InteropServices;
using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Provenance;

namespace MlOps.Tasks.Training;

/// <summary>The tags a training run carries, in MLflow's spirit: where, from what, with which code.</summary>
internal static class TrainingTags
{
    public const string Fingerprint = "mlops.fingerprint";
    public const string InputPrefix = "mlops.input.";

    /// <summary>The label's values and the protected groups the run's table held (<see cref="Pipeline.TableValues"/>).</summary>
    public const string DataValues = "mlops.data.values";

    public static Dictionary<string, string> For(Fingerprint fingerprint, GitState git, string user)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Fingerprint] = fingerprint.Value,
            ["mlops.source.git.commit"] = git.Commit,
            ["mlops.source.git.dirty"] = git.Dirty ? "true" : "false",
            ["mlops.data.md5"] = fingerprint.Parts["data"],
            ["mlops.user"] = user,
            ["mlops.machine"] = Environment.MachineName,
            ["mlops.os"] = RuntimeInformation.OSDescription,
            ["mlops.dotnet.version"] = RuntimeInformation.FrameworkDescription,
            ["mlops.mlnet.version"] = Version(typeof(Microsoft.ML.MLContext).Assembly),
        };
        foreach (var (name, value) in fingerprint.Parts)
        {
            tags[InputPrefix + name] = value;
        }

        return tags;
    }

    public static IReadOnlyDictionary<string, string> Inputs(IReadOnlyDictionary<string, string> tags) =>
        tags.Where(t => t.Key.StartsWith(InputPrefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key[InputPrefix.Length..], t => t.Value, StringComparer.Ordinal);

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
