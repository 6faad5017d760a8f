namespace MlOps.Serving;

/// <summary>Every request's id: the caller's <c>X-Request-Id</c> when it is a sensible one, else a new time-ordered one. Echoed in the response and the audit log.</summary>
internal static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string Of(HttpContext http)
    {
        var given = http.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 128 && given.All(c => c is > ' ' and < (char)127) ? given : Guid.CreateVersion7().ToString("N");
        http.Response.Headers[Header] = id;
        return id;
    }
}
