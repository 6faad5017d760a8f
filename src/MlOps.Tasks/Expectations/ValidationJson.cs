using System.Text.Json;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>validation.json in the layout of a Great Expectations validation result.</summary>
public static class ValidationJson
{
    /// <summary>
    /// The document for <paramref name="report"/>; <paramref name="dataMd5"/> ties it to the data version,
    /// <paramref name="fingerprint"/> to everything the result depends on, <paramref name="summary"/> is the one-line result.
    /// </summary>
    public static object Document(ValidationReport report, string? dataMd5, string pipelineFile, string fingerprint, string summary)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var successful = results.Count(r => r.Success);
        return new
        {
            success = report.Success,
            statistics = new
            {
                evaluated_expectations = results.Count,
                successful_expectations = successful,
                unsuccessful_expectations = results.Count - successful,
                success_percent = results.Count == 0 ? 100.0 : 100.0 * successful / results.Count,
            },
            results = results.Select(r => new
            {
                success = r.Success,
                expectation_config = new
                {
                    type = r.Expectation,
                    kwargs = r.Arguments,
                    meta = new { severity = r.Severity, location = r.Location },
                },
                result = new
                {
                    element_count = r.ElementCount,
                    missing_count = r.MissingCount,
                    missing_percent = r.MissingPercent,
                    unexpected_count = r.UnexpectedCount,
                    unexpected_percent = r.UnexpectedPercent,
                    observed_value = r.ObservedValue,
                    partial_unexpected_list = r.UnexpectedCount is null ? null : r.PartialUnexpected.Select(u => u.Value).ToList(),
                    partial_unexpected_index_list = r.UnexpectedCount is null ? null : r.PartialUnexpected.Select(u => u.Row).ToList(),
                    partial_unexpected_line_list = r.UnexpectedCount is null ? null : r.PartialUnexpected.Select(u => u.Line).ToList(),
                    partial_unexpected_counts = r.UnexpectedCount is null ? null : r.PartialUnexpected
                        .GroupBy(u => u.Value).Select(g => new { value = g.Key, count = g.Count() })
                        .OrderByDescending(c => c.count).ToList(),
                },
                summary = r.Summary,
            }).ToList(),
            meta = new
            {
                file = report.File,
                rows = report.Rows,
                data_md5 = dataMd5,
                pipeline = pipelineFile,
                duration_seconds = report.Duration.TotalSeconds,
                fingerprint,
                summary,
            },
        };
    }

    /// <summary>Every expectation's result in the validation.json at <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="InvalidFileException">It is not the validation.json ValidateData writes.</exception>
    public static IReadOnlyList<ExpectationVerdict>? ReadResultsIfExists(string path, string? shownAs = null) =>
        ArtifactJson.ReadIfExists<StoredValidation>(path, shownAs, "ValidateData", "./build.sh --target=ValidateData --force") is { } document
            ? [.. document.Results.Select(r => new ExpectationVerdict(
                r.ExpectationConfig.Type, r.Success, r.ExpectationConfig.Meta?.Severity ?? Severity.Error, r.ExpectationConfig.Meta?.Location, r.Summary ?? ""))]
            : null;


    /// <summary>The fingerprint and summary of a successful validation at <paramref name="path"/>; null when absent, failed or unreadable.</summary>
    public static (string Fingerprint, string Summary)? PreviousSuccess(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var meta = root.GetProperty("meta");
            return root.GetProperty("success").GetBoolean()
                && meta.TryGetProperty("fingerprint", out var fingerprint) && meta.TryGetProperty("summary", out var summary)
                ? (fingerprint.GetString()!, summary.GetString()!) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // No usable earlier result: validate again.
            return null;
        }
    }

    private sealed record StoredValidation(IReadOnlyList<StoredResult> Results);

    private sealed record StoredResult(bool Success, StoredConfig ExpectationConfig, string? Summary);

    private sealed record StoredConfig(string Type, StoredMeta? Meta);

    private sealed record StoredMeta(Severity Severity, string? Location);
}
