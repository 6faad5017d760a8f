using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>One change to an object of the fake Kubernetes API, kept for watches that resume from a resourceVersion.</summary>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Plural">The resource the object belongs to.</param>
/// <param name="Object">The object after the change (a copy nobody alters); read only under the fake's lock.</param>
/// <param name="ResourceVersion">The resourceVersion the change made.</param>
/// <param name="Line">The event as a watch stream sends it: <c>{"type":…,"object":…}</c>, no newline.</param>
internal sealed record WatchEvent(string Type, string Plural, JsonObject Object, long ResourceVersion, string Line)
{
    public static WatchEvent Of(string type, string plural, JsonObject obj, long resourceVersion)
    {
        var copy = obj.DeepClone().AsObject();
        var line = new JsonObject { ["type"] = type, ["object"] = copy.DeepClone() }.ToJsonString();
        return new WatchEvent(type, plural, copy, resourceVersion, line);
    }
}
