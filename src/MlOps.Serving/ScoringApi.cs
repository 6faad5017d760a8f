using System.Diagnostics;
using MlOps.Serving.Audit;
using MlOps.Serving.Monitoring;
using MlOps.Serving.Requests;

namespace MlOps.Serving;

/// <summary><c>POST /invocations</c>: MLflow's scoring endpoint.</summary>
internal static class ScoringApi
{
    public static IEndpointConventionBuilder MapScoring(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/invocations", InvocationsAsync);

    private static async Task InvocationsAsync(HttpContext http, ServedModel model, ServingOptions options, ScoringMetrics metrics, PredictionAudit audit, ILogger<ServedModel> log)
    {
        var start = Stopwatch.GetTimestamp();
        var requestId = RequestIds.Of(http);
        try
        {
            var (request, body) = await RequestBody.ReadAsync(http.Request, model.Layout, options.MaxBodyBytes);
            var scores = model.Scorer.Score(request.Rows);
            var elapsed = Stopwatch.GetElapsedTime(start);
            // Queued before the answer, so no prediction leaves the server without its audit record.
            await audit.RecordAsync(http, requestId, body, request, scores, elapsed);
            await Responses.PredictionsAsync(http.Response, request, scores);
            metrics.Scored(request, scores, Stopwatch.GetElapsedTime(start));
        }
        catch (BadRequestException e)
        {
            metrics.Rejected(e.Problem, Stopwatch.GetElapsedTime(start));
            await Responses.ProblemAsync(http.Response, e.Problem, e.Message, requestId, e.Field, e.Row);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Failed();
            log.ScoringFailed(e, requestId);
            throw;
        }
    }
}
