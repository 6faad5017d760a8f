using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlOps.Testing.Kubernetes;

/// <summary>The fake Kubernetes API's verbs on stored objects; every method runs under the lock.</summary>
public sealed partial class FakeKubernetesApi
{
    private static readonly HashSet<string> ClusterScoped = ["namespaces", "nodes", "persistentvolumes", "clusterroles", "clusterrolebindings", "storageclasses"];

    private Reply Execute(string method, ResourcePath resource, JsonObject? body, IQueryCollection query, string? contentType)
    {
        if (resource.Subresource is not (null or "status"))
        {
            throw NoSuchPath;
        }

        return (method, resource.Name) switch
        {
            ("GET", null) => ListReply(resource, query),
            ("POST", null) when resource.Subresource is null => Reply.Of(201, Create(resource, body!)),
            ("GET", { } name) => Reply.Of(200, Existing(resource, name)),
            ("PUT", { } name) => Reply.Of(200, Replace(resource, name, body!)),
            ("PATCH", { } name) => Patch(resource, name, body!, contentType, query["fieldManager"].ToString()),
            ("DELETE", { } name) when resource.Subresource is null => Delete(resource, name),
            _ => throw new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        };
    }

    private JsonObject Existing(ResourcePath resource, string name) =>
        store.Get(resource.Plural, resource.StoreNamespace, name) ?? throw ApiError.NotFound(resource, name);

    private Reply ListReply(ResourcePath resource, IQueryCollection query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"].ToString());
        var fields = FieldSelector.Parse(query["fieldSelector"].ToString());
        var items = new JsonArray([.. store.List(resource.Plural, resource.Namespace).Where(obj => labels.Matches(obj) && fields(obj)).Select(obj => obj.DeepClone())]);
        return Reply.Of(200, new JsonObject
        {
            ["kind"] = resource.Kind + "List",
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = items,
        });
    }

    private JsonObject Create(ResourcePath resource, JsonObject body)
    {
        var metadata = ObjectStore.Metadata(body);
        var name = metadata["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            var prefix = metadata["generateName"]?.GetValue<string>()
                ?? throw ApiError.Invalid(resource, "", "metadata.name: Required value: name or generateName is required");
            name = prefix + Guid.NewGuid().ToString("N")[..5];
        }

        CheckNamespace(resource, body);
        if (store.Get(resource.Plural, resource.StoreNamespace, name) is not null)
        {
            throw ApiError.AlreadyExists(resource, name);
        }

        metadata.Remove("resourceVersion");
        Prepare(resource, body, name);
        var stored = store.Create(resource.Plural, body);
        if (resource.Plural == "deployments")
        {
            controller.Reconcile(stored);
        }

        return stored;
    }

    private JsonObject Replace(ResourcePath resource, string name, JsonObject body)
    {
        var existing = Existing(resource, name);
        CheckName(body, name);
        CheckNamespace(resource, body);
        CheckVersion(resource, name, body, existing);
        return Store(resource, existing, Combine(resource, existing, body));
    }

    private Reply Patch(ResourcePath resource, string name, JsonObject body, string? contentType, string fieldManager)
    {
        var apply = PatchMedia(contentType) == "application/apply-patch+yaml";
        if (apply && fieldManager.Length == 0)
        {
            throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        CheckName(body, name);
        var existing = store.Get(resource.Plural, resource.StoreNamespace, name);
        if (existing is null && apply && resource.Subresource is null)
        {
            ObjectStore.Metadata(body)["name"] = name;
            return Reply.Of(201, Create(resource, body));
        }

        if (existing is null)
        {
            throw ApiError.NotFound(resource, name);
        }

        CheckNamespace(resource, body);
        CheckVersion(resource, name, body, existing);
        var merged = JsonMergePatch.Apply(existing, body)!.AsObject();
        return Reply.Of(200, Store(resource, existing, Combine(resource, existing, merged)));
    }

    /// <summary>The patch's media type, if the fake reads it: JSON patch (RFC 6902) is not implemented.</summary>
    private static string PatchMedia(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is "application/apply-patch+yaml" or "application/merge-patch+json" or "application/strategic-merge-patch+json"
            ? media
            : throw new ApiError(415, "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types (in this fake) include: "
                + $"application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml; got {contentType}");
    }

    private Reply Delete(ResourcePath resource, string name)
    {
        var existing = Existing(resource, name);
        store.Delete(resource.Plural, resource.StoreNamespace, name);
        if (resource.Plural is "pods" or "services")
        {
            return Reply.Of(200, existing);
        }

        var details = resource.Details(name);
        details["uid"] = ObjectStore.UidOf(existing);
        return Reply.Of(200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        });
    }

    private JsonObject SeedLocked(string plural, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? "v1";
        var (group, version) = apiVersion.Contains('/', StringComparison.Ordinal)
            ? (apiVersion.Split('/')[0], apiVersion.Split('/')[1]) : ("", apiVersion);
        var metadata = ObjectStore.Metadata(obj);
        var @namespace = ClusterScoped.Contains(plural) ? null : metadata["namespace"]?.GetValue<string>() ?? "default";
        var name = metadata["name"]?.GetValue<string>() ?? throw new ArgumentException("A seeded object needs metadata.name.", nameof(obj));
        var resource = new ResourcePath(group, version, @namespace, plural, name, null, null);
        return store.Get(plural, resource.StoreNamespace, name) is { } existing
            ? Store(resource, existing, Combine(resource, existing, obj))
            : Create(resource, obj);
    }

    /// <summary>The object a write leaves: the body, except that only a status write changes status (status subresource semantics).</summary>
    private static JsonObject Combine(ResourcePath resource, JsonObject existing, JsonObject body)
    {
        var updated = resource.Subresource == "status" ? existing.DeepClone().AsObject() : body;
        var status = resource.Subresource == "status" ? body["status"] : existing["status"];
        updated["status"] = status?.DeepClone();
        if (updated["status"] is null)
        {
            updated.Remove("status");
        }

        Prepare(resource, updated, ObjectStore.NameOf(existing));
        return updated;
    }

    private JsonObject Store(ResourcePath resource, JsonObject existing, JsonObject updated)
    {
        var generation = JsonNumbers.Long(existing["metadata"]?["generation"]);
        var stored = store.Update(resource.Plural, existing, updated);
        if (resource.Plural == "deployments" && JsonNumbers.Long(stored["metadata"]?["generation"]) != generation)
        {
            controller.Reconcile(stored);
        }

        return stored;
    }

    /// <summary>Sets what the server owns: apiVersion, kind, name and namespace.</summary>
    private static void Prepare(ResourcePath resource, JsonObject obj, string name)
    {
        obj["apiVersion"] = resource.ApiVersion;
        var kind = obj["kind"]?.GetValue<string>();
        ResourceKinds.Learn(resource.Plural, kind);
        obj["kind"] = kind ?? resource.Kind;
        var metadata = ObjectStore.Metadata(obj);
        metadata["name"] = name;
        if (resource.Namespace is not null)
        {
            metadata["namespace"] = resource.Namespace;
        }
    }

    private void CheckNamespace(ResourcePath resource, JsonObject body)
    {
        var given = body["metadata"]?["namespace"]?.GetValue<string>();
        if (given is not null && resource.Namespace is not null && given != resource.Namespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (RequireNamespaces && resource.Namespace is { } ns && store.Get("namespaces", "", ns) is null)
        {
            throw ApiError.NotFound(new ResourcePath("", "v1", null, "namespaces", ns, null, null), ns);
        }
    }

    private static void CheckName(JsonObject body, string name)
    {
        if (body["metadata"]?["name"]?.GetValue<string>() is { } given && given != name)
        {
            throw ApiError.BadRequest($"the name of the object ({given}) does not match the name on the URL ({name})");
        }
    }

    private static void CheckVersion(ResourcePath resource, string name, JsonObject body, JsonObject existing)
    {
        var given = body["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(given) && given != existing["metadata"]?["resourceVersion"]?.GetValue<string>())
        {
            throw ApiError.Conflict(resource, name);
        }
    }
}
