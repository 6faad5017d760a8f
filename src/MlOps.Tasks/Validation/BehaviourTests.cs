using System.Globalization;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Validation;

/// <summary>
/// Runs CheckList-style behavioural tests on a model: invariance (a column that must not matter),
/// directional expectation (a change that must move the score one way) and minimum functionality
/// (written-out rows that must get a given class).
/// </summary>
internal static class BehaviourTests
{
    private const int ExampleCount = 3;

    public static List<BehaviourResult> Run(ModelScorer scorer, TableData test, SchemaSection schema, IEnumerable<BehaviourSection> tests) =>
        [.. tests.Select(t => t.Invariance is not null ? Invariance(scorer, Sample(test, t), t)
            : t.Directional is not null ? Directional(scorer, Sample(test, t), t)
            : MinimumFunctionality(scorer, schema, t))];

    private static TableData Sample(TableData test, BehaviourSection section) =>
        test.Take([.. Enumerable.Range(0, Math.Min(section.Rows, test.RowCount))]);

    private static BehaviourResult Invariance(ModelScorer scorer, TableData rows, BehaviourSection test)
    {
        var before = scorer.Score(rows);
        var failed = new bool[rows.RowCount];
        var examples = new List<string>();
        foreach (var value in test.Values)
        {
            var after = scorer.Score(rows.With(Constant(rows[test.Invariance!], value, rows.RowCount)));
            for (var i = 0; i < after.Length; i++)
            {
                if (Math.Abs(after[i] - before[i]) > test.Tolerance && !failed[i])
                {
                    failed[i] = true;
                    Example(examples, i, before[i], after[i], $"{test.Invariance}={value}");
                }
            }
        }

        return new BehaviourResult(test.Name, "invariance", rows.RowCount, failed.Count(f => f), test.MaxFailureRate, examples, test.Location);
    }

    private static BehaviourResult Directional(ModelScorer scorer, TableData rows, BehaviourSection test)
    {
        var column = (NumberColumn)rows[test.Directional!];
        var changed = column.Values.Select(v => (float)((v * (test.Multiply ?? 1)) + (test.Add ?? 0))).ToArray();
        var before = scorer.Score(rows);
        var after = scorer.Score(rows.With(new NumberColumn(column.Name, changed)));
        var examples = new List<string>();
        var failures = 0;
        var tested = 0;
        for (var i = 0; i < after.Length; i++)
        {
            if (float.IsNaN(column.Values[i]))
            {
                continue;
            }

            tested++;
            var move = after[i] - before[i];
            if (test.Expect == ScoreDirection.Decrease ? move > test.Tolerance : move < -test.Tolerance)
            {
                failures++;
                Example(examples, i, before[i], after[i], Text($"{column.Name} {column.Values[i]} -> {changed[i]}"));
            }
        }

        return new BehaviourResult(test.Name, "directional", tested, failures, test.MaxFailureRate, examples, test.Location);
    }

    private static BehaviourResult MinimumFunctionality(ModelScorer scorer, SchemaSection schema, BehaviourSection test)
    {
        var scores = scorer.Score(CaseTable.Of(schema, test.MinimumFunctionality));
        var examples = new List<string>();
        var failures = 0;
        foreach (var (item, index) in test.MinimumFunctionality.Select((c, i) => (c, i)))
        {
            var predicted = scores[index] > ModelScorer.Threshold;
            if (predicted != (item.Expect == schema.Positive))
            {
                failures++;
                examples.Add(Text($"case {index + 1} ({item.Location}) expects {item.Expect}, scored {scores[index]:0.000}"));
            }
        }

        return new BehaviourResult(test.Name, "minimum_functionality", scores.Length, failures, test.MaxFailureRate, examples, test.Location);
    }

    private static TableColumn Constant(TableColumn like, string value, int rows) => like switch
    {
        NumberColumn => new NumberColumn(like.Name, [.. Enumerable.Repeat(TableCells.Number(value), rows)]),
        _ => new TextColumn(like.Name, [.. Enumerable.Repeat(value, rows)]),
    };

    private static void Example(List<string> examples, int row, double before, double after, string change)
    {
        if (examples.Count < ExampleCount)
        {
            examples.Add(Text($"test row {row}: {change} moved the score {before:0.000} -> {after:0.000}"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
