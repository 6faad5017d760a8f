namespace MlOps.Tasks.Fairness;

/// <summary>A group's confusion matrix, counted row by row.</summary>
internal sealed class ConfusionCounts
{
    public long TruePositives { get; private set; }

    public long FalsePositives { get; private set; }

    public long TrueNegatives { get; private set; }

    public long FalseNegatives { get; private set; }

    public long Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    public void Add(bool label, bool prediction)
    {
        switch (label, prediction)
        {
            case (true, true): TruePositives++; break;
            case (false, true): FalsePositives++; break;
            case (false, false): TrueNegatives++; break;
            case (true, false): FalseNegatives++; break;
        }
    }
}
