using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Validation;

/// <summary>Holds the candidate's held-out metrics to the bounds of the validation section and, when there is one, to the champion.</summary>
internal static class MetricGate
{
    public static List<GateCheck> Check(ValidationSection validation, IReadOnlyDictionary<string, double> metrics,
        Champion? champion)
    {
        var checks = new List<GateCheck>();
        foreach (var (metric, limit) in validation.Min)
        {
            checks.Add(Bound(validation, "min", metric, metrics[metric], limit, atLeast: true));
        }

        foreach (var (metric, limit) in validation.Max)
        {
            checks.Add(Bound(validation, "max", metric, metrics[metric], limit, atLeast: false));
        }

        if (champion is not null && validation.MaxRegression.Count > 0)
        {
            if (champion.NotCompared is { } reason)
            {
                checks.Add(NotCompared(validation, champion, reason));
            }
            else
            {
                foreach (var (metric, allowed) in validation.MaxRegression)
                {
                    checks.Add(Regression(validation, metric, champion.CandidateMetrics[metric], champion, allowed));
                }
            }
        }

        return checks;
    }

    private static GateCheck Bound(ValidationSection validation, string key, string metric, double value, double limit, bool atLeast)
    {
        var location = validation.LocationOf($"{key}.{metric}");
        var passed = atLeast ? value >= limit : value <= limit;
        var relation = atLeast ? "below the minimum" : "above the maximum";
        var message = passed
            ? Text($"{metric} {value:0.0000} is within {(atLeast ? ">=" : "<=")} {limit}")
            : Text($"{metric} {value:0.0000} is {relation} {limit} ({location})");
        return new GateCheck(Text($"{metric} {(atLeast ? ">=" : "<=")} {limit}"), value, limit, passed, message, location);
    }

    private static GateCheck Regression(ValidationSection validation, string metric, double value, Champion champion, double allowed)
    {
        var location = validation.LocationOf($"max_regression.{metric}");
        var before = champion.Metrics[metric];
        var worse = GateMetrics.LowerIsBetter(metric) ? value - before : before - value;
        var passed = worse <= allowed + 1e-12;
        var message = passed
            ? Text($"{metric} {value:0.0000} against production v{champion.Version} {before:0.0000} on {champion.RowsCompared}: within the allowed regression {allowed}")
            : Text($"{metric} {value:0.0000} is {worse:0.0000} worse than production v{champion.Version} ({before:0.0000}) on {champion.RowsCompared}; ")
                + Text($"the allowed regression is {allowed} ({location})");
        return new GateCheck(Text($"{metric} regression <= {allowed} against v{champion.Version}"), worse, allowed, passed, message, location);
    }

    // Without rows neither version trained on, no comparison is fair: the gate cannot vouch for the candidate.
    private static GateCheck NotCompared(ValidationSection validation, Champion champion, string reason)
    {
        var location = validation.LocationOf("max_regression");
        var message = Text($"v{champion.Candidate} cannot be held to production v{champion.Version}: {reason}; ")
            + Text($"point production at a version trained since (./build.sh --target=SetAlias --alias=production --version=<v>) ")
            + Text($"or remove validation.max_regression ({location})");
        return new GateCheck(Text($"comparison with production v{champion.Version}"), champion.Rows, 1, false, message, location);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
