using System.Globalization;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>
/// Where each trial's SIGKILL lands: one random moment in each of n equal slices of the first nine tenths of the
/// operation's measured duration (so the kills cover the whole operation), shuffled, from a seed that is printed. Setting
/// <c>MLOPS_KILL_SEED</c> to a printed seed draws the same moments again.
/// </summary>
internal sealed class KillPlan
{
    /// <summary>The environment variable that replays a seed.</summary>
    public const string SeedVariable = "MLOPS_KILL_SEED";

    // The last tenth is left out: a run may go faster than the one measured, and a kill after its end is no kill.
    private const double Reach = 0.9;

    private KillPlan(int seed, IReadOnlyList<KillMoment> moments) => (Seed, Moments) = (seed, moments);

    /// <summary>The seed the moments were drawn from.</summary>
    public int Seed { get; }

    /// <summary>The trials' moments, in the order they run.</summary>
    public IReadOnlyList<KillMoment> Moments { get; }

    /// <summary>Draws <paramref name="trials"/> moments between <paramref name="from"/> and <paramref name="measured"/> after the start.</summary>
    public static KillPlan Draw(string operation, int trials, TimeSpan measured, TimeSpan from = default)
    {
        var given = System.Environment.GetEnvironmentVariable(SeedVariable);
        var seed = int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var replayed) ? replayed : Random.Shared.Next();

        // Trial seeds are public knowledge; nothing here needs an unpredictable draw.
#pragma warning disable CA5394
        var random = new Random(seed);
        var slices = Enumerable.Range(0, trials).OrderBy(_ => random.Next()).ToList();
        var moments = slices.Select((slice, i) =>
        {
            var share = Reach * (slice + random.NextDouble()) / trials;
            return new KillMoment(operation, i + 1, trials, seed, share, from + ((measured - from) * share), measured);
        }).ToList();
#pragma warning restore CA5394
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Kill trials of {operation}: {trials} SIGKILLs over the measured {measured.TotalSeconds:0.0} s, seed {seed} (replay with {SeedVariable}={seed})"));
        return new KillPlan(seed, moments);
    }
}
