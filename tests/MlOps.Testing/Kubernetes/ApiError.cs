using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// A failure the fake Kubernetes API answers with a <c>Status</c> object, as the real API server does:
/// thrown while handling a request and written as the response by the request handler.
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public static ApiError NotFound(ResourcePath path, string name) =>
        new(404, "NotFound", $"{path.Qualified} \"{name}\" not found", path.Details(name));

    public static ApiError AlreadyExists(ResourcePath path, string name) =>
        new(409, "AlreadyExists", $"{path.Qualified} \"{name}\" already exists", path.Details(name));

    public static ApiError Conflict(ResourcePath path, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {path.Qualified} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            path.Details(name));

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Invalid(ResourcePath path, string name, string message) =>
        new(422, "Invalid", $"{path.Kind} \"{name}\" is invalid: {message}", path.Details(name));

    /// <summary>The reason the real API gives with <paramref name="code"/>.</summary>
    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };

    /// <summary>The <c>Status</c> object the real API server would send.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }
}
