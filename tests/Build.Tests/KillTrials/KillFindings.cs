using System.Collections.Concurrent;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>What the checks after the kills found, by check, each finding naming its trial (seed and moment) so that it can be replayed.</summary>
internal sealed class KillFindings
{
    private readonly ConcurrentDictionary<string, List<string>> byCheck = new(StringComparer.Ordinal);

    /// <summary>How many kills landed while the operation ran.</summary>
    public int Kills { get; private set; }

    /// <summary>How many trials ran.</summary>
    public int Trials { get; private set; }

    /// <summary>Counts a trial.</summary>
    public void Count(KilledRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Trials++;
        Kills += run.Killed ? 1 : 0;
    }

    /// <summary>Records each of <paramref name="problems"/> under <paramref name="check"/>, with the trial they followed.</summary>
    public void Add(string check, object trial, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            var finding = $"{trial}: {problem}";
            TestContext.Progress.WriteLine($"  {check}: {finding}");
            byCheck.GetOrAdd(check, _ => []).Add(finding);
        }
    }

    /// <summary>The findings of <paramref name="check"/>; empty when it held after every kill.</summary>
    public IReadOnlyList<string> Of(string check) => byCheck.TryGetValue(check, out var found) ? found : [];
}
