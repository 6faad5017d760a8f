using System.Security.Cryptography;
using System.Text;
using MlOps.Serving.Requests;

namespace MlOps.Serving;

/// <summary>
/// Lets a request through only with the server's API key (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>),
/// compared in constant time; open when no key is configured.
/// </summary>
internal sealed class ApiKeyFilter(ServingOptions options) : IEndpointFilter
{
    private readonly byte[]? expected = options.ApiKey is { } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (expected is null || Matches(Given(context.HttpContext.Request)))
        {
            return await next(context);
        }

        var http = context.HttpContext;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await Responses.ProblemAsync(http.Response, Problems.Unauthorized, "Send the API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.", RequestIds.Of(http));
        return Results.Empty;
    }

    private static string Given(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : request.Headers["X-Api-Key"].ToString();
    }

    // Hashing first gives both sides the same length, so the comparison's time says nothing about the key.
    private bool Matches(string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected);
}
