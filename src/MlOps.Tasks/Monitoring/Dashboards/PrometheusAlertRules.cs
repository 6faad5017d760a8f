using MlOps.Tasks.Pipeline;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>
/// Prometheus alerting rules for one deployed model, generated from its pipeline file. Group <c>serving</c>
/// watches the scoring server's /metrics: the server being down, and each service level objective that is set,
/// over a 5-minute window. Group <c>monitor</c> watches Monitor's textfile: dataset drift, concept drift,
/// each window metric minimum, a drifted column (a warning) and Monitor not having run for two days (a warning).
/// Whatever makes Monitor exit with 3 is critical.
/// </summary>
public static class PrometheusAlertRules
{
    private const string Critical = "critical";
    private const string Warning = "warning";

    // A breach of an objective must outlast two rate windows, so one slow burst pages nobody.
    private const string Sustained = "10m";

    // Textfile values change only when Monitor runs, so waiting before firing adds nothing.
    private const string AtOnce = "0s";

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .WithNewLine("\n")
        .DisableAliases()
        .Build();

    /// <summary>The rules file as YAML, for <c>rule_files</c>; the same pipeline always gives the same bytes.</summary>
    public static string Generate(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var queries = new MonitoringQueries(pipeline.Name);
        var limits = MonitoredLimit.Of(pipeline, queries);
        var serving = limits.Where(l => !IsWindowMetric(l)).Select(l => Limit(pipeline.Name, l, Sustained));
        var monitor = limits.Where(IsWindowMetric).Select(l => Limit(pipeline.Name, l, AtOnce));
        var groups = new[]
        {
            new AlertGroup($"mlops-{pipeline.Name}-serving", [ServerDown(pipeline, queries), .. serving]),
            new AlertGroup($"mlops-{pipeline.Name}-monitor", [.. Drift(pipeline, queries), .. monitor, Stale(pipeline, queries)]),
        };
        return $"# Generated from {MonitoringText.Source(pipeline)}: change the file and generate again rather than editing here.\n"
            + Yaml.Serialize(new { groups });
    }

    private static AlertRule ServerDown(PipelineDefinition pipeline, MonitoringQueries queries) => new(
        "ModelServerDown", queries.ServerAbsent, "2m", Labels(Critical, pipeline.Name),
        Text($"No scoring server reports serving {pipeline.Name}",
            $"No scraped target exposes {queries.ModelInfo}: the server is down, is not scraped, or serves another model. "
            + $"Deploy it again with ./build.sh --target=Deploy{PipelineOption(pipeline)}."));

    private static AlertRule Limit(string model, MonitoredLimit limit, string hold)
    {
        var side = limit.IsMinimum ? "below the minimum" : "above the limit";
        var comparison = limit.IsMinimum ? "<" : ">";
        var over = IsWindowMetric(limit) ? "" : $" over the last {MonitoringQueries.Window}";
        return new AlertRule(limit.Alert, $"{limit.Query} {comparison} {MonitoringQueries.Number(limit.Limit)}", hold, Labels(Critical, model),
            Text($"{limit.Title} of {model} is {{{{ $value | {limit.ValueFormat} }}}}, {side} {limit.Written}",
                $"{limit.Title}{over} is {side} {limit.Written}, set by {limit.Key} at {limit.Source}."));
    }

    private static IEnumerable<AlertRule> Drift(PipelineDefinition pipeline, MonitoringQueries queries)
    {
        var (model, monitor) = (pipeline.Name, $"./build.sh --target=Monitor{PipelineOption(pipeline)}");
        yield return new AlertRule("ModelDatasetDrift", $"{queries.DatasetDrift} == 1", AtOnce, Labels(Critical, model),
            Text($"The data served to {model} drifted",
                $"At Monitor's last run at least {MonitoringText.Percent(pipeline.Monitoring.DriftShare)} of the tested columns drifted "
                + $"(monitoring.drift_share in {MonitoringText.Where(pipeline, pipeline.Monitoring, "drift_share")}). {monitor} writes the report; retrain on recent data."));
        yield return new AlertRule("ModelColumnDrift", $"{queries.ColumnDrift} == 1", AtOnce, Labels(Warning, model),
            Text($"Column {{{{ $labels.column }}}} of {model} drifted",
                $"The {{{{ $labels.method }}}} test found drift in column {{{{ $labels.column }}}} at Monitor's last run; "
                + $"the tests and thresholds are set under monitoring in {MonitoringText.Source(pipeline)}."));
        yield return new AlertRule("ModelConceptDrift", $"{queries.ConceptDrift} == 1", AtOnce, Labels(Critical, model),
            Text($"Concept drift in {model} ({{{{ $labels.detector }}}})",
                $"The {{{{ $labels.detector }}}} detector found that the model's errors on labelled feedback changed at Monitor's last run "
                + $"(monitoring.concept in {MonitoringText.Where(pipeline, pipeline.Monitoring, "concept")}). Check recent feedback and retrain."));
    }

    private static AlertRule Stale(PipelineDefinition pipeline, MonitoringQueries queries) => new(
        "ModelMonitorStale", $"{queries.MonitorAge} > {MonitoringQueries.Number(MonitoringQueries.StaleAfter.TotalSeconds)}", AtOnce,
        Labels(Warning, pipeline.Name),
        Text($"Monitor has not run for {pipeline.Name} in {MonitoringQueries.StaleAfter.TotalDays} days",
            $"Monitor last ran {{{{ $value | humanizeDuration }}}} ago, so drift alerts reflect old data. Schedule ./build.sh --target=Monitor{PipelineOption(pipeline)}."));

    private static bool IsWindowMetric(MonitoredLimit limit) => limit.Key.StartsWith("monitoring.concept.", StringComparison.Ordinal);

    private static SortedDictionary<string, string> Labels(string severity, string model) =>
        new(StringComparer.Ordinal) { ["severity"] = severity, ["model"] = model };

    private static SortedDictionary<string, string> Text(string summary, string description) =>
        new(StringComparer.Ordinal) { ["summary"] = summary, ["description"] = description };

    private static string PipelineOption(PipelineDefinition pipeline) => pipeline.File.Length > 0 ? $" --pipeline={pipeline.File}" : "";
}
