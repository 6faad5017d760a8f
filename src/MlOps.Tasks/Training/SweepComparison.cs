using System.Globalization;

namespace MlOps.Tasks.Training;

/// <summary>Compare's rows for two runs' sweeps: the budget spent, the states, the best trial and its objective and values.</summary>
public static class SweepComparison
{
    private static readonly string[] States = ["finished", "pruned", "failed", "killed", "running"];

    /// <summary>The rows (What, From, To); empty when neither run swept.</summary>
    public static IReadOnlyList<string[]> Rows(SweepHistory? from, SweepHistory? to)
    {
        if (from is null && to is null)
        {
            return [];
        }

        var rows = new List<string[]>
        {
            Row("objective", s => $"{s.Objective} ({(s.Minimises ? "minimize" : "maximize")})"),
            Row("trials", s => Count(s.Trials.Count)),
        };
        foreach (var state in States.Where(st => Has(from, st) || Has(to, st)))
        {
            rows.Add(Row(state, s => Count(s.Trials.Count(t => t.State == state))));
        }

        rows.Add(Row("best trial", s => s.Best is { } best ? Count(best.Number) : "-"));
        rows.Add(Row("best objective", s => s.Best?.Objective is { } value ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "-"));
        var names = new[] { from, to }.SelectMany(s => s?.Best?.Params.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        rows.AddRange(names.Select(name => Row($"best {name}", s => s.Best?.Params.GetValueOrDefault(name) ?? "-")));
        return rows;

        string[] Row(string what, Func<SweepHistory, string> value) => [what, from is null ? "-" : value(from), to is null ? "-" : value(to)];
    }

    private static bool Has(SweepHistory? sweep, string state) => sweep?.Trials.Any(t => t.State == state) == true;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
