using System.Globalization;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>When one trial sends SIGKILL: its number, the plan's seed, and the moment as a share of the operation's measured duration.</summary>
/// <param name="Operation">What is killed, e.g. <c>Train</c>.</param>
/// <param name="Trial">1, 2, … in the order the trials run.</param>
/// <param name="Of">How many trials the plan holds.</param>
/// <param name="Seed">The plan's seed; <c>MLOPS_KILL_SEED=&lt;seed&gt;</c> draws the same shares again.</param>
/// <param name="Share">Where in the measured duration the kill lands, 0 to 1.</param>
/// <param name="At">How long after the start the kill is sent.</param>
/// <param name="Measured">The operation's measured duration the moment was drawn from.</param>
internal sealed record KillMoment(string Operation, int Trial, int Of, int Seed, double Share, TimeSpan At, TimeSpan Measured)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Operation} trial {Trial}/{Of} (seed {Seed}, SIGKILL at {At.TotalSeconds:0.000} s = {Share:0.000} of {Measured.TotalSeconds:0.0} s)");
}
