using System.Globalization;

namespace MlOps.Models.Evaluation;

/// <summary>The checks every evaluation makes on its input before it measures anything.</summary>
internal static class ScoredRows
{
    /// <summary>
    /// Throws unless there is one score per label, at least one row, and every score is a probability
    /// in [0, 1]; the message names the first bad row, counting from 0 as the lists do.
    /// </summary>
    public static void Validate(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count)
        {
            throw new ArgumentException(
                $"There are {labels.Count} labels but {scores.Count} scores; give one score per label.", nameof(scores));
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException("There are no rows to measure: labels and scores are empty.", nameof(labels));
        }

        for (var row = 0; row < scores.Count; row++)
        {
            var score = scores[row];
            // Written so that NaN fails too: every comparison with NaN is false.
            if (!(score >= 0 && score <= 1))
            {
                var value = score.ToString("R", CultureInfo.InvariantCulture);
                throw new ArgumentException(
                    $"Score at row {row} (counting from 0) is {value}; scores must be probabilities in [0, 1].",
                    nameof(scores));
            }
        }
    }
}
