using System.Globalization;
using System.Text;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Monitoring;

namespace MlOps.Build.Host;

/// <summary>
/// The job summary of a run in Markdown: the task table, then what the run's tasks wrote, each section only when this run
/// produced it: Train's metrics, Validate's and BiasCheck's gate verdicts, the fairness table, Monitor's drift verdict.
/// Everything is read through the library's records (<see cref="MetricsFile"/>, <see cref="FairnessFile"/>, <see cref="DriftJson"/>).
/// </summary>
internal static class CiSummary
{
    public static string Write(CiRun run, CiArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifacts);
        var text = new StringBuilder();
        var verdict = run.Failure is null ? "succeeded" : $"failed (exit code {ExitCodes.For(run.Failure)})";
        text.Append(CultureInfo.InvariantCulture, $"## Build {string.Join(", ", run.Targets)}: {verdict}\n\n");
        if (run.Failure is { } failure)
        {
            text.Append(CultureInfo.InvariantCulture, $"> **Error:** {Inline(ExitCodes.Unwrap(failure).Message)}\n\n");
        }

        Tasks(text, run.Outcomes);
        if (artifacts.Metrics is { } metrics)
        {
            Metrics(text, metrics);
        }

        if (artifacts.Validation is { } validation)
        {
            ValidationGate(text, validation);
        }

        if (artifacts.Fairness is { } fairness)
        {
            FairnessGate(text, fairness, artifacts.FairnessReport);
        }

        if (artifacts.Drift is { } drift)
        {
            Drift(text, drift);
        }

        foreach (var problem in artifacts.Unreadable)
        {
            text.Append(CultureInfo.InvariantCulture, $"> {Inline(problem)}\n\n");
        }

        return text.ToString();
    }

    private static void Tasks(StringBuilder text, IReadOnlyList<TaskOutcome> outcomes)
    {
        text.Append("| Task | Status | Duration | Note |\n| --- | --- | ---: | --- |\n");
        foreach (var outcome in outcomes)
        {
            var duration = ConsoleReports.Duration(outcome.Duration);
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(outcome.Task)} | {Status(outcome.Status)} | {duration} | {Cell(outcome.Note)} |\n");
        }

        var total = outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration);
        text.Append(CultureInfo.InvariantCulture, $"| **Total** | | **{ConsoleReports.Duration(total)}** | |\n\n");
    }

    private static void Metrics(StringBuilder text, MetricsFile metrics)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"### Metrics: {Inline(metrics.VersionName)} ({Inline(metrics.Trainer)}, {metrics.Rows.Train:N0} training rows, {metrics.Rows.Test:N0} held out)\n\n");
        text.Append("| Metric | Held-out value |\n| --- | ---: |\n");
        foreach (var (name, value) in metrics.Test)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(name)} | {Number(value)} |\n");
        }

        text.Append('\n');
    }

    private static void ValidationGate(StringBuilder text, ValidationVerdict validation)
    {
        text.Append(CultureInfo.InvariantCulture, $"### Validate gate: {Passed(validation.Passed)}: {Inline(validation.Summary ?? "")}\n\n");
        text.Append("| Check | Value | Limit | Result | Set at |\n| --- | ---: | ---: | --- | --- |\n");
        foreach (var check in validation.Checks ?? [])
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {Cell(check.Check)} | {Number(check.Value)} | {Number(check.Limit)} | {Passed(check.Passed)} | {Cell(check.Location ?? "")} |\n");
        }

        text.Append('\n');
    }

    private static void FairnessGate(StringBuilder text, GateVerdict verdict, FairnessReport? report)
    {
        text.Append(CultureInfo.InvariantCulture, $"### BiasCheck gate: {Passed(verdict.Passed)}: {Inline(verdict.Summary ?? "")}\n\n");
        if (report is null)
        {
            return;
        }

        if (report.Violations.Count > 0)
        {
            text.Append("| Metric | Scope | Value | Limit | Result | Groups |\n| --- | --- | ---: | ---: | --- | --- |\n");
            foreach (var violation in report.Violations)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(FairnessCheck.MetricName(violation))} | {Cell(violation.Scope)} | {Number(violation.Value)} | "
                    + $"{(violation.Kind == LimitKind.Maximum ? "≤ " : "≥ ")}{Number(violation.Limit)} | {Passed(false)} | {Cell(string.Join(" vs ", violation.Groups))} |\n");
            }

            text.Append('\n');
        }

        FairnessTable(text, report);
    }

    private static void FairnessTable(StringBuilder text, FairnessReport report)
    {
        text.Append(CultureInfo.InvariantCulture, $"#### Fairness: {report.Rows:N0} rows, groups under {report.MinGroupSize} rows reported only\n\n");
        text.Append("| Attribute | Group | Rows | Selection rate | True positive rate | False positive rate | Accuracy |\n");
        text.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var frame in report.Attributes.Append(report.Intersection).OfType<MetricFrame>())
        {
            foreach (var group in frame.Groups.Prepend(frame.Overall))
            {
                var flag = group.Unassigned ? " (unassigned)" : group.Small ? " (small)" : "";
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(frame.Name)} | {Cell(group.Group + flag)} | {group.Count:N0} | {Number(group.SelectionRate)} | "
                    + $"{Number(group.TruePositiveRate)} | {Number(group.FalsePositiveRate)} | {Number(group.Accuracy)} |\n");
            }
        }

        text.Append('\n');
    }

    private static void Drift(StringBuilder text, DriftVerdict drift)
    {
        var version = drift.Version is { } v ? string.Create(CultureInfo.InvariantCulture, $" v{v}") : "";
        text.Append(CultureInfo.InvariantCulture,
            $"### Monitor: {(drift.Breached ? "breached" : "within thresholds")} ({Inline(drift.Model)}{version} in {Inline(drift.Environment)})\n\n");
        var data = drift.DataDrift;
        text.Append(CultureInfo.InvariantCulture, $"- Data drift: {(data.DatasetDrift ? "**detected**" : "not detected")}: "
            + $"{data.NumberOfDriftedColumns} of {data.NumberOfColumns} columns drifted ({data.ShareOfDriftedColumns:P0}; the limit is {Number(data.DriftShare)})\n");
        if (drift.ConceptDrift is { } concept)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Concept drift ({Inline(concept.Detector)}, {concept.Matched:N0} labelled predictions): "
                + $"{(concept.DriftDetected ? "**detected**" : "not detected")}\n");
        }

        foreach (var breach in drift.Breaches)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Breach: {Inline(breach)}\n");
        }

        text.Append('\n');
    }

    private static string Status(TaskStatus status) => status switch
    {
        TaskStatus.Ran => "✅ ran",
        TaskStatus.Unchanged => "✅ unchanged",
        TaskStatus.Skipped => "⏭️ skipped",
        TaskStatus.Failed => "❌ failed",
        _ => "would run",
    };

    private static string Passed(bool passed) => passed ? "✅ pass" : "❌ fail";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Text on one line of Markdown.</summary>
    private static string Inline(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>Text in a table cell: on one line, its pipes escaped.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
