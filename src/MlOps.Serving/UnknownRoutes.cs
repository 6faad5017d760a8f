using MlOps.Serving.Requests;

namespace MlOps.Serving;

/// <summary>
/// Problem details for what the server does not serve — another method on /invocations (405, with
/// <c>Allow: POST</c>) and any other path (404) — where ASP.NET Core's routing answers with an empty body.
/// </summary>
internal static class UnknownRoutes
{
    private const string Endpoints = "POST /invocations, GET /ping, /health, /ready, /version and /metrics";

    public static void MapUnknownRoutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/invocations", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext http) =>
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            return Responses.ProblemAsync(http.Response, Problems.MethodNotAllowed,
                $"/invocations answers POST, not {http.Request.Method}: send the rows in a POST request.", RequestIds.Of(http));
        });
        endpoints.MapFallback((HttpContext http) => Responses.ProblemAsync(http.Response, Problems.NotFound,
            $"The server has no {http.Request.Path}; it serves {Endpoints}.", RequestIds.Of(http)));
    }
}
