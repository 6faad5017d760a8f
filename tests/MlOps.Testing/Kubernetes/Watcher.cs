using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MlOps.Testing.Kubernetes;

/// <summary>An open watch of the fake Kubernetes API: the events of one resource that pass its filter, queued for its stream.</summary>
internal sealed class Watcher
{
    private readonly Func<JsonObject, bool> filter;

    public Watcher(string plural, string? @namespace, Func<JsonObject, bool> filter)
    {
        Plural = plural;
        Namespace = @namespace;
        this.filter = filter;
    }

    public string Plural { get; }

    public string? Namespace { get; }

    /// <summary>Event lines waiting to be written to the stream.</summary>
    public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether the watch wants <paramref name="change"/> (called under the fake's lock).</summary>
    public bool Wants(WatchEvent change) =>
        change.Plural == Plural
        && (Namespace is null || ObjectStore.NamespaceOf(change.Object) == Namespace)
        && filter(change.Object);
}
