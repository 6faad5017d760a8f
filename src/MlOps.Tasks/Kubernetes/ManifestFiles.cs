using System.Text;
using k8s;
using k8s.Models;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// artifacts/&lt;pipeline&gt;/k8s/&lt;environment&gt;/: one YAML file per object, <c>{order}-{kind}-{name}.yaml</c>, so <c>kubectl apply -f</c>
/// or a GitOps tool applies them in order. Each file is written atomically; files of objects no longer rendered are removed.
/// </summary>
public static class ManifestFiles
{
    /// <summary>Writes <paramref name="objects"/> into <paramref name="folder"/> and returns the files, in order.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var i = 0; i < objects.Count; i++)
        {
            var manifest = objects[i];
            var path = Path.Combine(folder, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{i + 1:00}-{manifest.Kind.ToLowerInvariant()}-{manifest.Metadata.Name}.yaml"));
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, Text(manifest), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
            files.Add(path);
        }

        foreach (var stale in Directory.EnumerateFiles(folder, "*.yaml").Except(files, StringComparer.Ordinal))
        {
            File.Delete(stale);
        }

        return files;
    }

    /// <summary>The YAML of <paramref name="manifest"/>, ending with one newline.</summary>
    public static string Text(IKubernetesObject<V1ObjectMeta> manifest) => KubernetesYaml.Serialize(manifest).TrimEnd('\n') + "\n";
}
