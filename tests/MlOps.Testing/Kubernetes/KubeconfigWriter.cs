using System.Globalization;
using System.Text;

namespace MlOps.Testing.Kubernetes;

/// <summary>Writes a kubeconfig file (YAML) with one cluster, user and context, pointing at the fake Kubernetes API.</summary>
internal static class KubeconfigWriter
{
    public static void Write(string path, Uri server, string context, string? @namespace, string? token)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("apiVersion: v1");
        yaml.AppendLine("kind: Config");
        yaml.AppendLine("clusters:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"- name: {Quote(context)}");
        yaml.AppendLine("  cluster:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    server: {Quote(server.ToString().TrimEnd('/'))}");
        yaml.AppendLine("users:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"- name: {Quote(context)}");
        yaml.AppendLine(token is null ? "  user: {}" : $"  user:\n    token: {Quote(token)}");
        yaml.AppendLine("contexts:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"- name: {Quote(context)}");
        yaml.AppendLine("  context:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    cluster: {Quote(context)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    user: {Quote(context)}");
        if (@namespace is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    namespace: {Quote(@namespace)}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"current-context: {Quote(context)}");
        yaml.AppendLine("preferences: {}");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, yaml.ToString());
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
