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

    /// <summary>The scores, once none is NaN or infinite: extreme inputs can overflow a linear model's normalisation.</summary>
    private static double[] Finite(double[] scores)
    {
        var row = Array.FindIndex(scores, s => !double.IsFinite(s));
        return row < 0 ? scores : throw new BadRequestException(Problems.InvalidValue,
            $"Row {row}'s values are too extreme for the model: its score is not a number. Check the row's magnitudes against the training data.", row: row);
    }

    private static async Task InvocationsAsync(HttpContext http, ServedModel model, ServingOptions options, ScoringMetrics metrics, PredictionAudit audit, ILogger<ServedModel> log)
    {
        var start = Stopwatch.GetTimestamp();
        var requestId = RequestIds.Of(http);
        ScoringRequest? request = null;
        try
        {
            request = await RequestBody.ReadAsync(http.Request, model.Layout, options);
            var scores = Finite(model.Scorer.Score(request.Rows));
            var elapsed = Stopwatch.GetElapsedTime(start);
            // Written to the operating system before the answer leaves, so a killed server has logged every prediction it answered;
            // a writer that has stopped fails the request instead.
            await audit.RecordAsync(http, requestId, request, scores, elapsed);
            await Responses.PredictionsAsync(http.Response, request, scores);
            metrics.Scored(request, scores, Stopwatch.GetElapsedTime(start));
        }
        catch (BadRequestException e)
        {
            metrics.Rejected(e.Problem, Stopwatch.GetElapsedTime(start));
            await Responses.ProblemAsync(http.Response, e.Problem, e.Message, requestId, e.Field, e.Row);
        }
        catch (Exception e) when ((e is IOException or OperationCanceledException) && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer, and not the server's failure.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Failed();
            log.ScoringFailed(e, requestId);
            throw;
        }
        finally
        {
            // Logged, answered and counted: nothing reads the rows or the body after this.
            request?.Release();
        }
    }
}
