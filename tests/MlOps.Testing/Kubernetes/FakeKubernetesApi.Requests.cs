using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlOps.Testing.Kubernetes;

/// <summary>The fake Kubernetes API's request handling: log, token, injected failures, routing.</summary>
public sealed partial class FakeKubernetesApi
{
    private static readonly ApiError NoSuchPath = new(404, "NotFound", "the server could not find the requested resource");

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = RawTarget(context) ?? $"{request.Path}{request.QueryString}";
        requests.Enqueue(new RecordedRequest(request.Method, target, request.ContentType));
        Reply? reply;
        try
        {
            Authorize(request);
            lock (gate)
            {
                if (failures.FirstOrDefault(failure => failure.Take(request.Method, target)) is { } failure)
                {
                    throw failure.Error;
                }
            }

            reply = await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            reply = Reply.Of(error.Code, error.ToStatus());
        }
#pragma warning disable CA1031 // A bug in the fake should reach the test as a readable 500 Status, not an empty answer.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            reply = Reply.Of(500, new ApiError(500, "InternalError", $"the fake Kubernetes API failed: {error}").ToStatus());
        }

        if (reply is not null)
        {
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private void Authorize(HttpRequest request)
    {
        if (RequireToken is { } token && request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            throw new ApiError(401, "Unauthorized", "Unauthorized");
        }
    }

    /// <summary>The reply, or null when the request was answered already (a watch stream).</summary>
    private async Task<Reply?> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (Discovery(path) is { } discovery)
        {
            return discovery;
        }

        var resource = ResourcePath.Parse(path) ?? throw NoSuchPath;
        if (resource.Subresource == "proxy")
        {
            return Proxy(resource, request.QueryString.Value ?? "");
        }

        if (request.Method == "GET" && resource.Name is null && request.Query["watch"].ToString() is "true" or "1")
        {
            await WatchAsync(context, resource).ConfigureAwait(false);
            return null;
        }

        if (request.Method == "PATCH")
        {
            PatchMedia(request.ContentType);
        }

        var body = request.Method is "POST" or "PUT" or "PATCH" ? await ReadBodyAsync(request).ConfigureAwait(false) : null;
        lock (gate)
        {
            return Execute(request.Method, resource, body, request.Query, request.ContentType);
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiError.BadRequest("the body of the request is not a JSON object");
        }
        catch (JsonException error)
        {
            // The real server also reads YAML apply patches; this fake reads JSON only, which is what the C# client sends.
            throw ApiError.BadRequest($"the body of the request could not be decoded as JSON: {error.Message}");
        }
    }

    private static Reply? Discovery(string path) => path.TrimEnd('/') switch
    {
        "/version" => Reply.Of(200, new JsonObject
        {
            ["major"] = "1",
            ["minor"] = "34",
            ["gitVersion"] = "v1.34.0-fake",
            ["goVersion"] = "fake",
            ["platform"] = "linux/amd64",
        }),
        "/api" => Reply.Of(200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") }),
        "/apis" => Reply.Of(200, new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray() }),
        "/healthz" or "/readyz" or "/livez" => new Reply(200, "ok", "text/plain"),
        _ => null,
    };
}
