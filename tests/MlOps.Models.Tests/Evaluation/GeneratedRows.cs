namespace MlOps.Models.Tests.Evaluation;

/// <summary>
/// Labelled scores from a formula that Python reproduces bit for bit, in place of a random generator:
/// <code>
/// def frac(x): return x - math.floor(x)
/// def generated(n, ties):
///     s = [frac(i * 0.618034) for i in range(n)]
///     if ties: s = [math.floor(v * 100) / 100 for v in s]
///     y = [1 if (i * 7 % 10) &lt; 4 or s[i] &gt; 0.8 else 0 for i in range(n)]
///     return y, s
/// </code>
/// </summary>
internal sealed record GeneratedRows(bool[] Labels, double[] Scores)
{
    /// <summary><paramref name="count"/> rows; with <paramref name="ties"/> the scores are cut to two decimals, so many tie.</summary>
    public static GeneratedRows Create(int count, bool ties)
    {
        var labels = new bool[count];
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            var x = i * 0.618034;
            var score = x - Math.Floor(x);
            scores[i] = ties ? Math.Floor(score * 100) / 100 : score;
            labels[i] = i * 7 % 10 < 4 || scores[i] > 0.8;
        }

        return new GeneratedRows(labels, scores);
    }
}
