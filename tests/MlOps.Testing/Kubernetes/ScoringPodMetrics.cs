using System.Globalization;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// A <see cref="FakeKubernetesApi.PodProxy"/> that answers /metrics as the scoring server would: each scrape of a pod has answered 10 more
/// requests, all 200 (all 500 for pods of <c>failingVersion</c>), with 3 in 10 rows predicted positive (6 in 10 for pods of <c>shiftedVersion</c>).
/// A pod's version is its <c>app.kubernetes.io/version</c> label.
/// </summary>
public static class ScoringPodMetrics
{
    /// <summary>The responder; it counts scrapes per pod.</summary>
    public static Func<JsonObject, string, ProxyResponse> Responder(string? failingVersion, string? shiftedVersion = null)
    {
        var scrapes = new Dictionary<string, int>(StringComparer.Ordinal);
        return (pod, _) =>
        {
            var name = pod["metadata"]!["name"]!.GetValue<string>();
            var version = pod["metadata"]!["labels"]!["app.kubernetes.io/version"]!.GetValue<string>();
            lock (scrapes)
            {
                var count = 10 * (scrapes[name] = scrapes.GetValueOrDefault(name) + 1);
                var status = version == failingVersion ? "500" : "200";
                var positives = count * (version == shiftedVersion ? 6 : 3) / 10;
                return new ProxyResponse(200, string.Create(CultureInfo.InvariantCulture, $$"""
                    mlops_requests_total{status="{{status}}"} {{count}}
                    mlops_request_duration_seconds_bucket{le="0.05"} {{count}}
                    mlops_request_duration_seconds_bucket{le="+Inf"} {{count}}
                    mlops_predictions_total{class="1"} {{positives}}
                    mlops_predictions_total{class="0"} {{count - positives}}

                    """));
            }
        };
    }
}
