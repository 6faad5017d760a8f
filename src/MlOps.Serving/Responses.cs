using System.Text.Encodings.Web;
using System.Text.Json;
using MlOps.Serving.Requests;

namespace MlOps.Serving;

/// <summary>The bodies the server writes: predictions in MLflow's shape, and RFC 7807 problem details.</summary>
internal static class Responses
{
    // The bodies are JSON for programs and people, never HTML: quotes and apostrophes stay as they are.
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"predictions": [{"id": …, "score": 0.23, "class": 0}, …]}</c>; <c>id</c> only when the request sent the identifier column.</summary>
    public static async Task PredictionsAsync(HttpResponse response, ScoringRequest request, double[] scores)
    {
        response.ContentType = "application/json";
        WritePredictions(response.BodyWriter, request, scores);
        await response.BodyWriter.FlushAsync();
    }

    // One writer per thread, reset onto each response: the writing is synchronous, so no two requests share it at once.
    [ThreadStatic]
    private static Utf8JsonWriter? predictions;

    private static void WritePredictions(System.IO.Pipelines.PipeWriter body, ScoringRequest request, double[] scores)
    {
        var json = predictions ??= new Utf8JsonWriter(body, Json);
        json.Reset(body);
        try
        {
            json.WriteStartObject();
            json.WriteStartArray("predictions");
            for (var row = 0; row < scores.Length; row++)
            {
                json.WriteStartObject();
                if (request.Ids is { } ids)
                {
                    json.WriteString("id", ids[row]);
                }

                json.WriteNumber("score", scores[row]);
                json.WriteNumber("class", scores[row] > request.Threshold ? 1 : 0);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }
        finally
        {
            // Holds on to no response.
            json.Reset(Stream.Null);
        }
    }

    /// <summary>
    /// An <c>application/problem+json</c> body for a rejected request. It also carries MLflow's
    /// <c>error_code</c> and <c>message</c>, so clients written for MLflow show the reason.
    /// </summary>
    public static async Task ProblemAsync(HttpResponse response, Problem problem, string detail, string requestId, string? field = null, int? row = null)
    {
        response.StatusCode = problem.Status;
        response.ContentType = "application/problem+json";
        await using (var json = new Utf8JsonWriter(response.BodyWriter, Json))
        {
            json.WriteStartObject();
            json.WriteString("type", problem.Type);
            json.WriteString("title", problem.Title);
            json.WriteNumber("status", problem.Status);
            json.WriteString("detail", detail);
            if (field is not null)
            {
                json.WriteString("field", field);
            }

            if (row is { } index)
            {
                json.WriteNumber("row", index);
            }

            json.WriteString("request_id", requestId);
            json.WriteString("error_code", problem.Status switch
            {
                StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
                StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => "ENDPOINT_NOT_FOUND",
                _ => "BAD_REQUEST",
            });
            json.WriteString("message", detail);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync();
    }
}
