using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MlOps.Testing.Kubernetes;

/// <summary>The fake Kubernetes API's watch streams.</summary>
public sealed partial class FakeKubernetesApi
{
    /// <summary>
    /// Streams newline-delimited watch events: ADDED for each current object (no resourceVersion, or "0"), or every change
    /// after the given resourceVersion, then changes as they happen, until timeoutSeconds pass, the client goes or the fake stops.
    /// </summary>
    private async Task WatchAsync(HttpContext context, ResourcePath resource)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"].ToString());
        var fields = FieldSelector.Parse(query["fieldSelector"].ToString());
        var since = long.TryParse(query["resourceVersion"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version : (long?)null;
        var watcher = new Watcher(resource.Plural, resource.Namespace, obj => labels.Matches(obj) && fields(obj));
        lock (gate)
        {
            store.Subscribe(watcher, since);
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        if (int.TryParse(query["timeoutSeconds"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            ending.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(ending.Token).ConfigureAwait(false);
            await foreach (var line in watcher.Lines.Reader.ReadAllAsync(ending.Token).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(line + "\n", ending.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ending.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream's time is up, or its client left: either way the watch simply ends.
        }
        finally
        {
            lock (gate)
            {
                store.Unsubscribe(watcher);
            }
        }
    }
}
