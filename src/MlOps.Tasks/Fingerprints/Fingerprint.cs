using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Fingerprints;

/// <summary>
/// What a task's result depends on, like a stage's deps in <c>dvc.lock</c>: md5s of input data, hashes
/// of the pipeline sections it reads, the version of the code that runs. Equal fingerprints mean the
/// task would compute the same result, so a recorded run can be reused.
/// </summary>
public sealed class Fingerprint
{
    private readonly SortedDictionary<string, string> parts = new(StringComparer.Ordinal);

    /// <summary>Each input by name, as recorded with the run.</summary>
    public IReadOnlyDictionary<string, string> Parts => parts;

    /// <summary>sha256 over all parts, lowercase hex.</summary>
    public string Value => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Concat(parts.Select(p => $"{p.Key}={p.Value}\n")))));

    /// <summary>Adds an input already reduced to a hash or version.</summary>
    public Fingerprint Add(string name, string value)
    {
        parts[name] = value;
        return this;
    }

    /// <summary>Adds the md5 of a file of the repository (remembered by size and time, as CheckData does).</summary>
    public Fingerprint AddFile(string name, string repositoryRoot, string file)
    {
        var state = Data.HashState.Open(repositoryRoot);
        var md5 = state.Md5OfFile(Path.Combine(repositoryRoot, file), legacy: false);
        state.Save();
        return Add(name, md5);
    }

    /// <summary>Adds a pipeline section by the sha256 of its canonical JSON (keys sorted, positions left out).</summary>
    public Fingerprint AddSection(string name, object? section) => Add(name, SectionHash(section));

    /// <summary>
    /// Adds the code of ours that computes the result, as part "code (Assembly)" or "code (Assembly: Folder, …)":
    /// the <see cref="CodeVersion.Sources"/> of those folders only, so that changing other code reuses the result.
    /// </summary>
    public Fingerprint AddCode(Assembly assembly, params string[] folders)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scope = folders.Length == 0 ? "" : ": " + string.Join(", ", folders);
        return Add($"code ({assembly.GetName().Name}{scope})", CodeVersion.Sources(assembly, folders));
    }

    /// <summary>Adds a package the result depends on, as part "code (<paramref name="name"/>)", by <see cref="CodeVersion.Package"/>.</summary>
    public Fingerprint AddPackage(string name, Assembly assembly) => Add($"code ({name})", CodeVersion.Package(assembly));

    /// <summary>The names of the parts that differ from <paramref name="other"/> (added, removed or changed).</summary>
    public IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> other) =>
        [.. parts.Keys.Union(other.Keys).Order(StringComparer.Ordinal)
            .Where(k => !(parts.TryGetValue(k, out var mine) && other.TryGetValue(k, out var theirs) && mine == theirs))];

    /// <summary>sha256 of the canonical JSON of <paramref name="section"/>.</summary>
    public static string SectionHash(object? section)
    {
        var node = section is null ? null : JsonSerializer.SerializeToNode(section, section.GetType(), ArtifactJson.Options);
        var canonical = Canonical(node)?.ToJsonString() ?? "null";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
