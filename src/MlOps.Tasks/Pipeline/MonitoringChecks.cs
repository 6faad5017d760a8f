using System.Globalization;
using MlOps.Models.Drift;

namespace MlOps.Tasks.Pipeline;

/// <summary>What the <c>monitoring</c> section must hold: known columns, usable methods and thresholds, river's detectors, sane objectives.</summary>
internal static class MonitoringChecks
{
    /// <exception cref="InvalidFileException">A value is not usable; the message names its place.</exception>
    public static void Check(MonitoringSection monitoring, SchemaSection? schema)
    {
        if (monitoring.DriftShare is not (> 0 and <= 1))
        {
            Fail(monitoring, "drift_share", $"'monitoring.drift_share' is {N(monitoring.DriftShare)}; expected a share above 0 and at most 1 (Evidently's default is 0.5).");
        }

        var columns = (schema?.Columns ?? []).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var name in monitoring.Ignore)
        {
            if (!columns.ContainsKey(name))
            {
                Fail(monitoring, "ignore", $"'monitoring.ignore' names '{name}', which is not in schema.columns.");
            }
        }

        CheckMethod(monitoring.Numeric, "monitoring.numeric", ColumnType.Numeric);
        CheckMethod(monitoring.Categorical, "monitoring.categorical", ColumnType.Categorical);
        foreach (var (name, method) in monitoring.Columns)
        {
            if (!columns.TryGetValue(name, out var column) || column.Type is ColumnType.Id or ColumnType.Text)
            {
                Fail(monitoring, "columns", column is null
                    ? $"'monitoring.columns' names '{name}', which is not in schema.columns."
                    : $"'monitoring.columns.{name}': {column.Type.ToString().ToLowerInvariant()} columns are not tested for drift; only numeric, categorical and boolean ones.");
            }

            CheckMethod(method, $"monitoring.columns.{name}", column!.Type);
        }

        CheckConcept(monitoring.Concept);
        CheckObjectives(monitoring.Slo);
    }

    private static void CheckMethod(DriftMethodSection? section, string path, ColumnType type)
    {
        if (section is null)
        {
            return;
        }

        if (type != ColumnType.Numeric && section.Method is DriftMethod.Ks or DriftMethod.Wasserstein)
        {
            Fail(section, "method", $"'{path}.method' is {Word(section.Method)}, which needs numbers; categories take chisquare, z, jensenshannon, psi, kl or hellinger.");
        }

        var pValue = section.Method is DriftMethod.Ks or DriftMethod.Chisquare or DriftMethod.Z;
        if (section.Threshold is { } threshold && (pValue ? threshold is not (> 0 and < 1) : threshold is not > 0 || !double.IsFinite(threshold)))
        {
            Fail(section, "threshold", pValue
                ? $"'{path}.threshold' is {N(threshold)}; {Word(section.Method)} compares a p-value, so expected a number between 0 and 1 (e.g. 0.05)."
                : $"'{path}.threshold' is {N(threshold)}; {Word(section.Method)} is a distance, so expected a number above 0 (e.g. 0.1).");
        }
    }

    private static void CheckConcept(ConceptDriftSection concept)
    {
        try
        {
            ConceptDriftDetector.Create(concept.Detector, concept.Settings, concept.Mode);
        }
        catch (ArgumentException e)
        {
            // Point at the key that is wrong: the detector, one of its settings, or the mode.
            var key = e.ParamName switch { "name" => "detector", "mode" => "mode", _ => "settings" };
            Fail(concept, key, $"'monitoring.concept': {e.Message.Split(" (Parameter")[0]}");
        }

        if (concept.Window < 1)
        {
            Fail(concept, "window", $"'monitoring.concept.window' is {concept.Window}; expected at least 1 labelled prediction per window.");
        }

        foreach (var (key, limits) in new[] { ("min", concept.Min), ("max", concept.Max) })
        {
            foreach (var metric in limits.Keys.Where(m => !GateMetrics.Names.Contains(m)))
            {
                Fail(concept, key, $"'monitoring.concept.{key}' names '{metric}'; expected one of {string.Join(", ", GateMetrics.Names)}.");
            }
        }
    }

    private static void CheckObjectives(ServiceLevelSection slo)
    {
        foreach (var (key, value, share) in new[]
        {
            ("p50_latency_ms", slo.P50LatencyMs, false), ("p99_latency_ms", slo.P99LatencyMs, false), ("min_request_rate", slo.MinRequestRate, false),
            ("max_error_rate", slo.MaxErrorRate, true), ("max_rejected_rate", slo.MaxRejectedRate, true),
        })
        {
            if (value is { } limit && (limit < 0 || !double.IsFinite(limit) || (share && limit > 1)))
            {
                Fail(slo, key, $"'monitoring.slo.{key}' is {N(limit)}; expected {(share ? "a share from 0 to 1 (e.g. 0.01)" : "a number of at least 0")}.");
            }
        }
    }

    private static void Fail(PipelineSection section, string key, string message) =>
        throw new InvalidFileException(section.LocationOf(key)!, message);

    private static string Word(DriftMethod method) => method.ToString().ToLowerInvariant();

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
