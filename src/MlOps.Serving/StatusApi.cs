using System.Text.Json;
using MlOps.Serving.Audit;
using MlOps.Serving.Monitoring;

namespace MlOps.Serving;

/// <summary>
/// The endpoints that say how the server is: <c>/ping</c> (MLflow's), <c>/health</c> (liveness),
/// <c>/ready</c> (readiness: 503 once the server is stopping), <c>/version</c> and <c>/metrics</c>.
/// </summary>
internal static class StatusApi
{
    public static void MapStatus(this IEndpointRouteBuilder endpoints, RouteGroupBuilder guarded)
    {
        endpoints.MapGet("/ping", () => Results.Text("\n"));
        endpoints.MapGet("/health", () => Results.Json(new { status = "healthy" }));
        endpoints.MapGet("/ready", (IHostApplicationLifetime lifetime, PredictionAudit audit) =>
            lifetime.ApplicationStopping.IsCancellationRequested ? Unready("stopping")
            : audit.Failure is { } failure ? Unready($"the audit log stopped: {failure.Message}")
            : Results.Json(new { status = "ready" }));
        guarded.MapGet("/version", Version);
        guarded.MapGet("/metrics", async (HttpContext http, ScoringMetrics metrics) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.WriteAsync(http.Response.Body, http.RequestAborted);
        });
    }

    private static IResult Unready(string reason) =>
        Results.Json(new { status = "unready", reason }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Version(ServedModel model, ServingOptions options)
    {
        var (bundle, provenance) = (model.Bundle, model.Bundle.Provenance);
        return Results.Json(new Dictionary<string, object?>
        {
            ["model"] = provenance.ModelName,
            ["version"] = provenance.ModelVersion,
            ["bundle_sha256"] = bundle.Sha256,
            ["data_md5"] = provenance.DataMd5,
            ["git_commit"] = provenance.GitCommit,
            ["run_id"] = provenance.RunId,
            ["trainer"] = provenance.Trainer,
            ["created"] = provenance.Created,
            ["signing_key"] = bundle.KeyId,
            ["columns"] = model.Layout.Columns.Select(c => new { name = c.Name, kind = c.Kind.ToString().ToLowerInvariant(), required = c.Required }),
            ["label"] = new { name = bundle.Schema.Label, positive = bundle.Schema.Positive },
            ["deployment"] = options.Deployment,
            ["image_digest"] = options.ImageDigest,
        }, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
