namespace MlOps.Tasks.Tests.Monitoring.Health;

/// <summary>
/// /metrics of the real scoring server (MlOps.Serving serving credit-scoring v13), read twice: after 30 scored
/// requests, 7 rejected as an unknown column (400) and 1 as an unsupported media type (415); then after 10 more
/// scored and 1 more rejected. The feature summaries are cut to a few lines.
/// </summary>
internal static class ScrapedMetrics
{
    public const string First = """
        # HELP mlops_requests_total Scoring requests by HTTP status.
        # TYPE mlops_requests_total counter
        mlops_requests_total{status="200"} 30
        mlops_requests_total{status="400"} 7
        mlops_requests_total{status="415"} 1
        # HELP mlops_request_errors_total Rejected scoring requests by problem type (docs/serving.md).
        # TYPE mlops_request_errors_total counter
        mlops_request_errors_total{problem="unknown-column"} 7
        mlops_request_errors_total{problem="unsupported-media-type"} 1
        # HELP mlops_request_duration_seconds Time to read, score and answer a scoring request.
        # TYPE mlops_request_duration_seconds histogram
        mlops_request_duration_seconds_sum 0.17808629999999995
        mlops_request_duration_seconds_count 38
        mlops_request_duration_seconds_bucket{le="0.0005"} 6
        mlops_request_duration_seconds_bucket{le="0.001"} 6
        mlops_request_duration_seconds_bucket{le="0.0025"} 6
        mlops_request_duration_seconds_bucket{le="0.005"} 35
        mlops_request_duration_seconds_bucket{le="0.01"} 36
        mlops_request_duration_seconds_bucket{le="0.025"} 37
        mlops_request_duration_seconds_bucket{le="0.05"} 38
        mlops_request_duration_seconds_bucket{le="0.1"} 38
        mlops_request_duration_seconds_bucket{le="0.25"} 38
        mlops_request_duration_seconds_bucket{le="0.5"} 38
        mlops_request_duration_seconds_bucket{le="1"} 38
        mlops_request_duration_seconds_bucket{le="2.5"} 38
        mlops_request_duration_seconds_bucket{le="+Inf"} 38
        # HELP mlops_rows_scored_total Rows scored.
        # TYPE mlops_rows_scored_total counter
        mlops_rows_scored_total 1200
        # HELP mlops_prediction_score Scores (probability of the positive class) of the rows scored.
        # TYPE mlops_prediction_score histogram
        mlops_prediction_score_sum 352.4369106441736
        mlops_prediction_score_count 1200
        mlops_prediction_score_bucket{le="0.1"} 0
        mlops_prediction_score_bucket{le="0.2"} 450
        mlops_prediction_score_bucket{le="0.3"} 720
        mlops_prediction_score_bucket{le="0.4"} 930
        mlops_prediction_score_bucket{le="0.5"} 1020
        mlops_prediction_score_bucket{le="0.6"} 1110
        mlops_prediction_score_bucket{le="0.7"} 1200
        mlops_prediction_score_bucket{le="0.8"} 1200
        mlops_prediction_score_bucket{le="0.9"} 1200
        mlops_prediction_score_bucket{le="+Inf"} 1200
        # HELP mlops_predictions_total Rows scored by predicted class (1 = the label's positive value).
        # TYPE mlops_predictions_total counter
        mlops_predictions_total{class="1"} 180
        mlops_predictions_total{class="0"} 1020
        # HELP mlops_model_info The model served: always 1, its identity in the labels.
        # TYPE mlops_model_info gauge
        mlops_model_info{model="credit-scoring",version="13",bundle_sha256="b872dccf9c324fe59ed950c8d2fbd7ddc51981425ea6ed4a7be5f30d95e81d63",
        """ + """
        data_md5="9644a0bd6d88a0cfe72ad5c5e6c80b16",git_commit="76ef90d10d811585eed8925c8f9f03edee01a9f5",trainer="lightgbm"} 1
        # HELP mlops_feature_values_total Values received per feature, missing ones included.
        # TYPE mlops_feature_values_total counter
        mlops_feature_values_total{feature="gender"} 1200
        mlops_feature_values_total{feature="age"} 1200
        # HELP mlops_feature_category_total Values received per categorical feature and value (the first 50 values; later ones as __other__).
        # TYPE mlops_feature_category_total counter
        mlops_feature_category_total{feature="gender",value="male"} 570
        mlops_feature_category_total{feature="gender",value="female"} 600

        """;

    public const string Second = """
        # HELP mlops_requests_total Scoring requests by HTTP status.
        # TYPE mlops_requests_total counter
        mlops_requests_total{status="200"} 40
        mlops_requests_total{status="400"} 8
        mlops_requests_total{status="415"} 1
        # HELP mlops_request_errors_total Rejected scoring requests by problem type (docs/serving.md).
        # TYPE mlops_request_errors_total counter
        mlops_request_errors_total{problem="unknown-column"} 8
        mlops_request_errors_total{problem="unsupported-media-type"} 1
        # HELP mlops_request_duration_seconds Time to read, score and answer a scoring request.
        # TYPE mlops_request_duration_seconds histogram
        mlops_request_duration_seconds_sum 0.19186299999999995
        mlops_request_duration_seconds_count 49
        mlops_request_duration_seconds_bucket{le="0.0005"} 7
        mlops_request_duration_seconds_bucket{le="0.001"} 7
        mlops_request_duration_seconds_bucket{le="0.0025"} 17
        mlops_request_duration_seconds_bucket{le="0.005"} 46
        mlops_request_duration_seconds_bucket{le="0.01"} 47
        mlops_request_duration_seconds_bucket{le="0.025"} 48
        mlops_request_duration_seconds_bucket{le="0.05"} 49
        mlops_request_duration_seconds_bucket{le="0.1"} 49
        mlops_request_duration_seconds_bucket{le="0.25"} 49
        mlops_request_duration_seconds_bucket{le="0.5"} 49
        mlops_request_duration_seconds_bucket{le="1"} 49
        mlops_request_duration_seconds_bucket{le="2.5"} 49
        mlops_request_duration_seconds_bucket{le="+Inf"} 49
        # HELP mlops_rows_scored_total Rows scored.
        # TYPE mlops_rows_scored_total counter
        mlops_rows_scored_total 1600
        # HELP mlops_prediction_score Scores (probability of the positive class) of the rows scored.
        # TYPE mlops_prediction_score histogram
        mlops_prediction_score_sum 469.91588085889816
        mlops_prediction_score_count 1600
        mlops_prediction_score_bucket{le="0.1"} 0
        mlops_prediction_score_bucket{le="0.2"} 600
        mlops_prediction_score_bucket{le="0.3"} 960
        mlops_prediction_score_bucket{le="0.4"} 1240
        mlops_prediction_score_bucket{le="0.5"} 1360
        mlops_prediction_score_bucket{le="0.6"} 1480
        mlops_prediction_score_bucket{le="0.7"} 1600
        mlops_prediction_score_bucket{le="0.8"} 1600
        mlops_prediction_score_bucket{le="0.9"} 1600
        mlops_prediction_score_bucket{le="+Inf"} 1600
        # HELP mlops_predictions_total Rows scored by predicted class (1 = the label's positive value).
        # TYPE mlops_predictions_total counter
        mlops_predictions_total{class="1"} 240
        mlops_predictions_total{class="0"} 1360
        # HELP mlops_model_info The model served: always 1, its identity in the labels.
        # TYPE mlops_model_info gauge
        mlops_model_info{model="credit-scoring",version="13",bundle_sha256="b872dccf9c324fe59ed950c8d2fbd7ddc51981425ea6ed4a7be5f30d95e81d63",
        """ + """
        data_md5="9644a0bd6d88a0cfe72ad5c5e6c80b16",git_commit="76ef90d10d811585eed8925c8f9f03edee01a9f5",trainer="lightgbm"} 1

        """;
}
