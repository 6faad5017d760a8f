namespace MlOps.Serving.Requests;

/// <summary>Every kind of request the server turns away, in one place.</summary>
internal static class Problems
{
    public static readonly Problem InvalidJson = new("invalid-json", "The body is not valid JSON.", StatusCodes.Status400BadRequest);

    public static readonly Problem InvalidCsv = new("invalid-csv", "The body is not a valid CSV table.", StatusCodes.Status400BadRequest);

    public static readonly Problem InvalidUtf8 = new("invalid-utf8", "The body is not valid UTF-8.", StatusCodes.Status400BadRequest);

    public static readonly Problem InvalidFormat = new("invalid-format", "The request does not have the shape of an MLflow scoring request.", StatusCodes.Status400BadRequest);

    public static readonly Problem UnknownColumn = new("unknown-column", "The request names a column the model does not know.", StatusCodes.Status400BadRequest);

    public static readonly Problem MissingColumn = new("missing-column", "The request leaves out a column the model reads.", StatusCodes.Status400BadRequest);

    public static readonly Problem DuplicateColumn = new("duplicate-column", "The request names a column twice.", StatusCodes.Status400BadRequest);

    public static readonly Problem InvalidValue = new("invalid-value", "A value does not fit its column.", StatusCodes.Status400BadRequest);

    public static readonly Problem InvalidParameter = new("invalid-parameter", "A parameter in 'params' is unknown or out of range.", StatusCodes.Status400BadRequest);

    public static readonly Problem EmptyRequest = new("empty-request", "The request holds no rows to score.", StatusCodes.Status400BadRequest);

    public static readonly Problem UnreadableBody = new("unreadable-body", "The body could not be read as sent.", StatusCodes.Status400BadRequest);

    public static readonly Problem TooLarge = new("too-large", "The body is larger than the server accepts.", StatusCodes.Status413PayloadTooLarge);

    public static readonly Problem UnsupportedMediaType = new("unsupported-media-type", "The content type is not one the server reads.", StatusCodes.Status415UnsupportedMediaType);

    public static readonly Problem MethodNotAllowed = new("method-not-allowed", "The endpoint does not answer this HTTP method.", StatusCodes.Status405MethodNotAllowed);

    public static readonly Problem NotFound = new("not-found", "The server has no such endpoint.", StatusCodes.Status404NotFound);

    public static readonly Problem Unauthorized = new("unauthorized", "The request does not carry the server's API key.", StatusCodes.Status401Unauthorized);
}
