using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// What a request path of the fake Kubernetes API names: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}[/{proxy path}]]]</c>
/// or the same under <c>/apis/{group}/{version}</c>.
/// </summary>
internal sealed record ResourcePath(string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource, string? ProxyPath)
{
    /// <summary>The apiVersion of objects under this path: <c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource as the real API names it in messages: <c>pods</c> or <c>deployments.apps</c>.</summary>
    public string Qualified => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The kind of object this resource holds.</summary>
    public string Kind => ResourceKinds.KindOf(Plural);

    /// <summary>The namespace objects are stored under: empty for cluster-scoped resources.</summary>
    public string StoreNamespace => Namespace ?? "";

    /// <summary>The <c>details</c> of a Status about the object <paramref name="name"/>.</summary>
    public JsonObject Details(string name) => new() { ["name"] = name, ["group"] = Group, ["kind"] = Plural };

    /// <summary>Reads a decoded request path; null when it names no resource.</summary>
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        int rest;
        string group;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, rest) = ("", 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, rest) = (segments[1], 3);
        }
        else
        {
            return null;
        }

        var version = segments[rest - 1];
        var tail = segments[rest..];
        if (tail[0] == "namespaces" && tail.Length >= 3 && !(group.Length == 0 && tail.Length == 3 && tail[2] is "status" or "finalize"))
        {
            return Named(group, version, tail[1], tail[2..]);
        }

        return Named(group, version, null, tail);
    }

    private static ResourcePath? Named(string group, string version, string? @namespace, string[] tail)
    {
        return tail.Length switch
        {
            1 => new(group, version, @namespace, tail[0], null, null, null),
            2 => new(group, version, @namespace, tail[0], tail[1], null, null),
            3 => new(group, version, @namespace, tail[0], tail[1], tail[2], tail[2] == "proxy" ? "" : null),
            _ when tail[2] == "proxy" => new(group, version, @namespace, tail[0], tail[1], "proxy", string.Join('/', tail[3..])),
            _ => null,
        };
    }
}
