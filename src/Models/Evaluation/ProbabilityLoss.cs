namespace MlOps.Models.Evaluation;

/// <summary>The losses that read scores as probabilities, computed as scikit-learn computes them.</summary>
internal static class ProbabilityLoss
{
    /// <summary>float64 machine epsilon, 2^-52: what <c>log_loss(eps="auto")</c> clips to (scikit-learn ≥ 1.2).</summary>
    public static readonly double Epsilon = Math.ScaleB(1.0, -52);

    /// <summary>
    /// Mean negative natural-log likelihood, as <c>sklearn.metrics.log_loss</c>: p is clipped to
    /// [ε, 1 − ε], the pair (1 − p, p) renormalised by its sum, and the true class's share logged.
    /// </summary>
    public static double LogLoss(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var total = 0.0;
        for (var row = 0; row < scores.Count; row++)
        {
            var p = Math.Min(Math.Max(scores[row], Epsilon), 1 - Epsilon);
            var q = 1 - p;
            var sum = q + p;
            total -= Math.Log((labels[row] ? p : q) / sum);
        }

        return total / scores.Count;
    }

    /// <summary>Mean squared difference between the score and the label as 0 or 1 (<c>brier_score_loss</c>).</summary>
    public static double Brier(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var total = 0.0;
        for (var row = 0; row < scores.Count; row++)
        {
            var error = (labels[row] ? 1.0 : 0.0) - scores[row];
            total += error * error;
        }

        return total / scores.Count;
    }
}
