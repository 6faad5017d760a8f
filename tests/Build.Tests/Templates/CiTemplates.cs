using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// The CI templates a repository made from the MlOps.Templates package starts with (src/MlOps.Templates/content), read as YAML,
/// and the targets their commands run.
/// </summary>
internal static partial class CiTemplates
{
    public const string GitHubPipeline = ".github/workflows/mlops.yml";
    public const string GitHubMonitor = ".github/workflows/mlops-monitor.yml";
    public const string GitLab = ".gitlab-ci.yml";
    public const string Azure = "azure-pipelines.yml";

    /// <summary>The template package's content folder: the root of the repository a user gets.</summary>
    public static string Content => Path.Combine(BuildProgram.SourceRoot, "src", "MlOps.Templates", "content");

    /// <summary>Every CI file of the content folder.</summary>
    public static IEnumerable<string> All => [GitHubPipeline, GitHubMonitor, GitLab, Azure];

    /// <summary>The files of one CI service, by its name in test cases.</summary>
    public static IReadOnlyList<string> Of(string service) => service switch
    {
        "GitHub" => [GitHubPipeline, GitHubMonitor],
        "GitLab" => [GitLab],
        "Azure" => [Azure],
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "GitHub, GitLab or Azure"),
    };

    public static string FullPath(string relative) => Path.Combine(Content, relative);

    public static string Text(string relative) => File.ReadAllText(FullPath(relative));

    /// <summary>The file's one YAML document, whose root must be a mapping.</summary>
    public static YamlMappingNode Load(string relative)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(Text(relative)))
        {
            yaml.Load(reader);
        }

        Assert.That(yaml.Documents, Has.Count.EqualTo(1), $"{relative} holds one YAML document");
        Assert.That(yaml.Documents[0].RootNode, Is.InstanceOf<YamlMappingNode>(), $"{relative}'s root is a mapping");
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The targets the file names, as <c>--target=X</c> or <c>--target X</c>, in order, with repeats.</summary>
    public static List<string> Targets(string relative) => [.. Target().Matches(Text(relative)).Select(m => m.Groups[1].Value)];

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/>, or null.</summary>
    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The mapping under <paramref name="key"/>; fails the test when there is none.</summary>
    public static YamlMappingNode Mapping(this YamlMappingNode mapping, string key)
    {
        Assert.That(mapping.Get(key), Is.InstanceOf<YamlMappingNode>(), $"'{key}' is a mapping");
        return (YamlMappingNode)mapping.Get(key)!;
    }

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public static string? Scalar(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    /// <summary>The scalars under <paramref name="key"/>: one scalar or a sequence of them; none when absent.</summary>
    public static List<string> Scalars(this YamlMappingNode mapping, string key) => mapping.Get(key) switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")],
        _ => [],
    };

    /// <summary>The mappings in the sequence under <paramref name="key"/>; none when absent.</summary>
    public static List<YamlMappingNode> Items(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlSequenceNode sequence ? [.. sequence.Children.OfType<YamlMappingNode>()] : [];

    /// <summary>The key-value pairs of a mapping with scalar keys, in file order.</summary>
    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode mapping) =>
        mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "", c.Value));

    [GeneratedRegex(@"--target(?:=|[ \t]+)([A-Za-z]+)")]
    private static partial Regex Target();
}
