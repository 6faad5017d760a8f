using MlOps.Models.Bundles;
using MlOps.Serving.Requests;
using Prometheus;

namespace MlOps.Serving.Monitoring;

/// <summary>
/// What /metrics reports, in the Prometheus text format: requests by status, rejections by problem,
/// latency, rows scored, the score distribution, the model's identity and per-feature summaries.
/// One registry per server, so tests can run several side by side.
/// </summary>
internal sealed class ScoringMetrics
{
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly CollectorRegistry registry = Metrics.NewCustomRegistry();
    private readonly Counter requests;
    private readonly Counter.Child answered;
    private readonly Counter rejections;
    private readonly Histogram latency;
    private readonly Counter rows;
    private readonly Histogram scores;
    private readonly Counter.Child positives;
    private readonly Counter.Child negatives;

    public ScoringMetrics(ServedModel model)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        // Exemplars link samples to traces this server does not record, and cost a lock per update.
        metrics.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        requests = metrics.CreateCounter("mlops_requests_total", "Scoring requests by HTTP status.", ["status"]);
        answered = requests.WithLabels("200");
        rejections = metrics.CreateCounter("mlops_request_errors_total", "Rejected scoring requests by problem type (docs/serving.md).", ["problem"]);
        latency = metrics.CreateHistogram("mlops_request_duration_seconds", "Time to read, score and answer a scoring request.",
            new HistogramConfiguration { Buckets = LatencyBuckets });
        rows = metrics.CreateCounter("mlops_rows_scored_total", "Rows scored.");
        scores = metrics.CreateHistogram("mlops_prediction_score", "Scores (probability of the positive class) of the rows scored.",
            new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 9) });
        var predictions = metrics.CreateCounter("mlops_predictions_total", "Rows scored by predicted class (1 = the label's positive value).", ["class"]);
        (positives, negatives) = (predictions.WithLabels("1"), predictions.WithLabels("0"));
        Identify(metrics, model.Bundle);
        // The standard name, so that rates since the start need one scrape (Monitor) as well as Prometheus' own.
        metrics.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
            .Set(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime().Subtract(DateTime.UnixEpoch).TotalSeconds);
        Features = new FeatureMetrics(metrics, registry, model.Layout);
    }

    /// <summary>Summaries of the inputs, per feature.</summary>
    public FeatureMetrics Features { get; }

    /// <summary>Counts a scored request.</summary>
    public void Scored(ScoringRequest request, double[] rowScores, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rowScores);
        answered.Inc();
        latency.Observe(elapsed.TotalSeconds);
        rows.Inc(rowScores.Length);
        var positive = 0;
        foreach (var score in rowScores)
        {
            scores.Observe(score);
            positive += score > request.Threshold ? 1 : 0;
        }

        positives.Inc(positive);
        negatives.Inc(rowScores.Length - positive);
        Features.Observe(request.Rows);
    }

    /// <summary>Counts a request that was turned away.</summary>
    public void Rejected(Problem problem, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        requests.WithLabels(problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        rejections.WithLabels(problem.Slug).Inc();
        latency.Observe(elapsed.TotalSeconds);
    }

    /// <summary>Counts a request the server failed to answer (a 500).</summary>
    public void Failed() => requests.WithLabels("500").Inc();

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task WriteAsync(Stream stream, CancellationToken cancel) => registry.CollectAndExportAsTextAsync(stream, cancel);

    private static void Identify(MetricFactory metrics, ModelBundle bundle)
    {
        var provenance = bundle.Provenance;
        metrics.CreateGauge("mlops_model_info", "The model served: always 1, its identity in the labels.",
                ["model", "version", "bundle_sha256", "data_md5", "git_commit", "trainer"])
            .WithLabels(provenance.ModelName, provenance.ModelVersion, bundle.Sha256, provenance.DataMd5, provenance.GitCommit, provenance.Trainer)
            .Set(1);
    }
}
