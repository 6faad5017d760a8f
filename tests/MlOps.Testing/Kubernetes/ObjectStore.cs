using System.Globalization;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// The objects of the fake Kubernetes API, untyped JSON keyed by resource (plural), namespace and name, with the
/// metadata every write sets (uid, creationTimestamp, resourceVersion from one counter, generation) and the
/// change events watches receive. Not thread-safe: callers hold the fake's lock.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<(string Plural, string Namespace, string Name), JsonObject> objects = [];
    private readonly List<WatchEvent> history = [];
    private readonly List<Watcher> watchers = [];
    private long resourceVersion;

    /// <summary>The resourceVersion of the latest write.</summary>
    public long ResourceVersion => resourceVersion;

    public static string NamespaceOf(JsonObject obj) => obj["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    public static string NameOf(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string? UidOf(JsonObject obj) => obj["metadata"]?["uid"]?.GetValue<string>();

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    public JsonObject? Get(string plural, string @namespace, string name) =>
        objects.GetValueOrDefault((plural, @namespace, name));

    /// <summary>The objects of a resource in a namespace (all namespaces when null), ordered by namespace and name.</summary>
    public List<JsonObject> List(string plural, string? @namespace) =>
        [.. objects.Where(entry => entry.Key.Plural == plural && (@namespace is null || entry.Key.Namespace == @namespace))
            .OrderBy(entry => entry.Key.Namespace, StringComparer.Ordinal).ThenBy(entry => entry.Key.Name, StringComparer.Ordinal)
            .Select(entry => entry.Value)];

    /// <summary>Stores a new object (its namespace and name already set) and returns it.</summary>
    public JsonObject Create(string plural, JsonObject obj)
    {
        var metadata = Metadata(obj);
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata["resourceVersion"] = Next();
        if (obj["spec"] is not null)
        {
            metadata["generation"] = 1;
        }

        objects[(plural, NamespaceOf(obj), NameOf(obj))] = obj;
        Publish("ADDED", plural, obj);
        return obj;
    }

    /// <summary>Replaces <paramref name="existing"/> with <paramref name="obj"/>, keeping its identity; generation grows when spec changed.</summary>
    public JsonObject Update(string plural, JsonObject existing, JsonObject obj)
    {
        var old = Metadata(existing);
        var metadata = Metadata(obj);
        metadata["name"] = NameOf(existing);
        metadata["uid"] = old["uid"]?.DeepClone();
        metadata["creationTimestamp"] = old["creationTimestamp"]?.DeepClone();
        var generation = JsonNumbers.Long(old["generation"]) ?? 0;
        var specChanged = !JsonNode.DeepEquals(existing["spec"], obj["spec"]);
        if (generation > 0 || obj["spec"] is not null)
        {
            metadata["generation"] = specChanged ? generation + 1 : generation;
        }

        if (NamespaceOf(existing).Length > 0)
        {
            metadata["namespace"] = NamespaceOf(existing);
        }

        metadata["resourceVersion"] = Next();
        objects[(plural, NamespaceOf(existing), NameOf(existing))] = obj;
        Publish("MODIFIED", plural, obj);
        return obj;
    }

    /// <summary>Removes an object, then (as background cascading deletion does) every object it owns, and everything in a deleted namespace.</summary>
    public JsonObject? Delete(string plural, string @namespace, string name)
    {
        if (!objects.Remove((plural, @namespace, name), out var obj))
        {
            return null;
        }

        Metadata(obj)["resourceVersion"] = Next();
        Publish("DELETED", plural, obj);
        var uid = UidOf(obj);
        var dependents = objects.Where(entry => IsOwnedBy(entry.Value, uid) || (plural == "namespaces" && entry.Key.Namespace == name))
            .Select(entry => entry.Key).ToList();
        foreach (var dependent in dependents)
        {
            Delete(dependent.Plural, dependent.Namespace, dependent.Name);
        }

        return obj;
    }

    /// <summary>Whether <paramref name="obj"/> lists the object with <paramref name="uid"/> among its ownerReferences.</summary>
    public static bool IsOwnedBy(JsonObject obj, string? uid) =>
        uid is not null && obj["metadata"]?["ownerReferences"] is JsonArray owners && owners.Any(owner => owner?["uid"]?.GetValue<string>() == uid);

    /// <summary>Opens a watch: its first lines are ADDED events for current objects, or the changes after <paramref name="since"/>.</summary>
    public void Subscribe(Watcher watcher, long? since)
    {
        IEnumerable<WatchEvent> backlog = since is { } version
            ? history.Where(change => change.ResourceVersion > version)
            : List(watcher.Plural, watcher.Namespace).Select(obj => WatchEvent.Of("ADDED", watcher.Plural, obj, resourceVersion));
        foreach (var change in backlog.Where(watcher.Wants))
        {
            watcher.Lines.Writer.TryWrite(change.Line);
        }

        watchers.Add(watcher);
    }

    public void Unsubscribe(Watcher watcher) => watchers.Remove(watcher);

    /// <summary>Ends every watch stream (the fake is stopping).</summary>
    public void CloseWatches()
    {
        foreach (var watcher in watchers)
        {
            watcher.Lines.Writer.TryComplete();
        }
    }

    private void Publish(string type, string plural, JsonObject obj)
    {
        var change = WatchEvent.Of(type, plural, obj, resourceVersion);
        history.Add(change);
        foreach (var watcher in watchers.Where(watcher => watcher.Wants(change)))
        {
            watcher.Lines.Writer.TryWrite(change.Line);
        }
    }

    private string Next() => (++resourceVersion).ToString(CultureInfo.InvariantCulture);

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
