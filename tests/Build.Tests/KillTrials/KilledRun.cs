namespace MlOps.Build.Tests.KillTrials;

/// <summary>What a SIGKILLed run of the build program did before it was killed.</summary>
/// <param name="Moment">When the kill was sent.</param>
/// <param name="Killed">True when the program was still running at that moment; false when it had ended by itself.</param>
/// <param name="ExitCode">The exit code when it ended by itself.</param>
/// <param name="Output">What it wrote to stdout and stderr until then.</param>
internal sealed record KilledRun(KillMoment Moment, bool Killed, int? ExitCode, string Output)
{
    public override string ToString() => Killed ? $"{Moment}" : $"{Moment}, ended by itself with exit {ExitCode} before the kill";
}
