using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring.Dashboards;

/// <summary>Pipeline files for the dashboard and alert tests, read as the build reads them.</summary>
internal static class MonitoringPipelines
{
    public const string File = "pipelines/credit-scoring.yaml";

    private static readonly PipelineYaml Head =
        PipelineYaml.Named("credit-scoring").WithSchema("default", "id: id", "income: numeric", "region: categorical", "default: categorical");

    /// <summary>Every service level objective set, a window metric minimum, a drift share and chosen tests.</summary>
    public static readonly string Full = Head.Then("""
        monitoring:
          drift_share: 0.3
          numeric: { method: psi, threshold: 0.2 }
          columns:
            income: { method: ks }
          concept:
            detector: adwin
            window: 200
            min: { accuracy: 0.65 }
          slo:
            p50_latency_ms: 20
            p99_latency_ms: 250
            max_error_rate: 0.01
            max_rejected_rate: 0.05
            min_request_rate: 0.5

        """);

    /// <summary>No monitoring section: Evidently's defaults and no objectives.</summary>
    public static readonly string Bare = Head.ToString();

    /// <summary>Only the p99 latency objective.</summary>
    public static readonly string P99Only = Head.Then("""
        monitoring:
          slo:
            p99_latency_ms: 300

        """);

    /// <summary>The pipeline text named <paramref name="name"/>: <c>Full</c>, <c>Bare</c> or <c>P99Only</c> (a test case's argument).</summary>
    public static string Named(string name) => name switch
    {
        nameof(Full) => Full,
        nameof(Bare) => Bare,
        nameof(P99Only) => P99Only,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such pipeline."),
    };

    public static PipelineDefinition Load(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write(File, yaml);
        return PipelineFile.Load(temp.Path, File);
    }

    /// <summary>file:line:column of the value of the first <paramref name="key"/> in <paramref name="yaml"/>.</summary>
    public static string LocationOf(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        var column = lines[line].IndexOf(key + ":", StringComparison.Ordinal) + key.Length + 2;
        return $"{File}:{line + 1}:{column + 1}";
    }
}
